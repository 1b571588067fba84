export * from './keywords/classify-keyword';
export * from './keywords/keyword-replies';
export * from './quiet-hours/quiet-hours';
export * from './phone/time-zone-for-phone';
export * from './phone/recipient-time-zone';
export * from './ledger';
export * from './whatsapp/customer-service-window';

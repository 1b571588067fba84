/** OpenAPI examples of the campaigns API. */
export const campaignBodyExample = {
  name: 'Spring sale',
  template: 'Hi {{name}}, 20% off this week at Acme. Reply STOP to opt out.',
  audience: { filter: { tags: ['sms-subscriber'] } },
  rate: 1,
  startAt: '2026-03-11T16:00:00+01:00',
};

export const campaignExample = {
  id: '0190b6a4-7c1e-7000-8000-00000000c0de',
  name: 'Spring sale',
  channel: 'sms',
  template: 'Hi {{name}}, 20% off this week at Acme. Reply STOP to opt out.',
  audience: { filter: { tags: ['sms-subscriber'] } },
  ratePerSecond: 1,
  status: 'running',
  createdBy: 'apikey:pk_3f9a (marketing)',
  createdAt: '2026-03-10T15:00:00.000Z',
  startAt: null,
  completedAt: null,
  progress: { total: 500, sent: 300, skippedNoConsent: 160, skippedQuietHours: 40, failed: 0, pending: 0 },
};

export const createdCampaignExample = {
  ...campaignExample,
  status: 'scheduled',
  startAt: '2026-03-11T15:00:00.000Z',
  progress: { ...campaignExample.progress, sent: 0, skippedNoConsent: 0, skippedQuietHours: 0, pending: 500 },
  withoutAddress: 0,
};

export const campaignListExample = { items: [campaignExample], limit: 50, offset: 0 };

import type { CrmLead } from './crm-lead.port';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The note body (HubSpot renders HTML): the qualified data, the score and why, then the transcript. */
export function hubspotNote(lead: CrmLead, data: Record<string, unknown>): string {
  const facts = Object.entries(data).map(([k, v]) => `<li>${escape(k)}: ${escape(typeof v === 'string' ? v : JSON.stringify(v))}</li>`);
  const reasons = lead.score.reasons.map((r) => `<li>${escape(r.event)}: ${r.points > 0 ? '+' : ''}${r.points}</li>`);
  const lines = lead.transcript.map((l) => `<p><b>${escape(l.sender)}</b> (${l.at.toISOString()}): ${escape(l.text)}</p>`);
  return [
    '<h3>Parley conversation</h3>',
    facts.length ? `<ul>${facts.join('')}</ul>` : '',
    `<p>Score: ${lead.score.total}</p>`,
    reasons.length ? `<ul>${reasons.join('')}</ul>` : '',
    '<h4>Transcript</h4>',
    lines.join('') || '<p>(no messages)</p>',
  ].join('');
}

/** Contact properties HubSpot knows by default, from the lead's attributes. */
export function hubspotProperties(lead: CrmLead): Record<string, string> {
  const properties: Record<string, string> = {};
  const text = (key: string) => (typeof lead.attributes[key] === 'string' ? (lead.attributes[key] as string).trim() : '');
  const name = text('name');
  const [first, ...rest] = name.split(/\s+/);
  if (text('firstName') || first) properties.firstname = text('firstName') || first;
  if (text('lastName') || rest.length) properties.lastname = text('lastName') || rest.join(' ');
  if (text('phone')) properties.phone = text('phone');
  if (text('company')) properties.company = text('company');
  return properties;
}

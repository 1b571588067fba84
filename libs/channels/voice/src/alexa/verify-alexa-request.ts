import { createVerify } from 'node:crypto';
import { AlexaCertificateError, type AlexaCertificates } from './alexa-certificates';
import { AlexaRequestError, parseAlexaRequest, type AlexaRequest } from './alexa-request';
import { checkCertChainUrl } from './cert-chain-url';

/** Amazon's replay window: a request older (or newer) than this is refused. */
export const MAX_CLOCK_SKEW_MS = 150_000;

export type AlexaRejectionCode = 'bad_request' | 'wrong_application' | 'stale_timestamp' | 'bad_certificate_url' | 'bad_certificate' | 'bad_signature';

export class AlexaRejection extends Error {
  constructor(
    readonly code: AlexaRejectionCode,
    message: string,
  ) {
    super(message);
  }
}

export interface SignedAlexaRequest {
  /** The exact bytes Amazon signed. */
  rawBody: Buffer | undefined;
  certChainUrl: string | undefined;
  /** The Signature-256 header: base64 SHA-256 with RSA. (Amazon retired the SHA-1 `Signature` header, so it is not accepted.) */
  signature: string | undefined;
}

function parse(rawBody: Buffer): AlexaRequest {
  try {
    return parseAlexaRequest(JSON.parse(rawBody.toString('utf8')));
  } catch (error) {
    if (error instanceof AlexaRequestError) throw new AlexaRejection('bad_request', error.message);
    throw new AlexaRejection('bad_request', 'body is not JSON');
  }
}

/**
 * Every check Amazon requires of a skill hosted as a web service. The cheap ones run first, so a request for
 * another skill or with a foreign certificate URL never makes us download anything.
 */
export async function verifyAlexaRequest(signed: SignedAlexaRequest, skillId: string, certificates: AlexaCertificates, now: Date): Promise<AlexaRequest> {
  if (!signed.rawBody?.length) throw new AlexaRejection('bad_request', 'empty body');
  const request = parse(signed.rawBody);
  if (!request.applicationIds.length || request.applicationIds.some((applicationId) => applicationId !== skillId)) {
    throw new AlexaRejection('wrong_application', 'the request is not for this skill');
  }
  if (Math.abs(now.getTime() - request.timestamp.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new AlexaRejection('stale_timestamp', 'request.timestamp is more than 150 seconds from now');
  }
  const url = checkCertChainUrl(signed.certChainUrl);
  if ('problem' in url) throw new AlexaRejection('bad_certificate_url', url.problem);
  if (!signed.signature) throw new AlexaRejection('bad_signature', 'Signature-256 header is missing');
  let signer;
  try {
    signer = await certificates.signer(url.url, now);
  } catch (error) {
    if (error instanceof AlexaCertificateError) throw new AlexaRejection('bad_certificate', error.message);
    throw error;
  }
  const verifier = createVerify('RSA-SHA256').update(signed.rawBody);
  let valid = false;
  try {
    valid = verifier.verify(signer.publicKey, signed.signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) throw new AlexaRejection('bad_signature', 'Signature-256 does not match the body');
  return request;
}

import type { X509Certificate } from 'node:crypto';
import { AlexaCertificateSource } from './alexa-certificate-source.port';
import { verifyCertificateChain } from './verify-certificate-chain';

/** Amazon publishes a handful of chains; a bound keeps forged URLs from growing the cache. */
const CAPACITY = 32;

interface Cached {
  signer: X509Certificate;
  expiresAt: Date;
}

export class AlexaCertificateError extends Error {}

/** Verified signing certificates by chain URL: each URL is fetched once and its certificate kept until it expires. */
export class AlexaCertificates {
  private readonly verified = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<Cached>>();

  constructor(private readonly source: AlexaCertificateSource) {}

  async signer(url: string, now: Date): Promise<X509Certificate> {
    const cached = this.verified.get(url);
    if (cached && now <= cached.expiresAt) return cached.signer;
    this.verified.delete(url);
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.load(url, now).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return (await pending).signer;
  }

  private async load(url: string, now: Date): Promise<Cached> {
    let pem: string;
    try {
      pem = await this.source.fetchChain(url);
    } catch (error) {
      throw new AlexaCertificateError(`certificate chain could not be fetched: ${(error as Error).message}`);
    }
    const check = verifyCertificateChain(pem, this.source.trustedRoots(), now);
    if ('problem' in check) throw new AlexaCertificateError(check.problem);
    if (this.verified.size >= CAPACITY) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(url, check);
    return check;
  }
}

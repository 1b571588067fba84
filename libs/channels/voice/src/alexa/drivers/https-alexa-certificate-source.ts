import { X509Certificate } from 'node:crypto';
import { get } from 'node:https';
import { rootCertificates } from 'node:tls';
import { AlexaCertificateSource } from '../alexa-certificate-source.port';

const TIMEOUT_MS = 5_000;
/** Amazon's chain is a few kilobytes; anything far larger is not it. */
const MAX_BYTES = 64 * 1024;

/** Production driver: downloads the chain from Amazon's S3 bucket over HTTPS and trusts the system's CA store. */
export class HttpsAlexaCertificateSource extends AlexaCertificateSource {
  private roots?: X509Certificate[];

  fetchChain(url: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const request = get(url, { timeout: TIMEOUT_MS }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`certificate chain answered HTTP ${response.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) request.destroy(new Error('certificate chain too large'));
          else chunks.push(chunk);
        });
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error('certificate chain download timed out')));
      request.on('error', reject);
    });
  }

  trustedRoots(): readonly X509Certificate[] {
    this.roots ??= rootCertificates.map((pem) => new X509Certificate(pem));
    return this.roots;
  }
}

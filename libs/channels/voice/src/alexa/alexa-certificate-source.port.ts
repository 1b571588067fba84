import type { X509Certificate } from 'node:crypto';

/** Where the certificate chains that sign Alexa requests come from, and the roots they must lead to. */
export abstract class AlexaCertificateSource {
  /** The PEM chain published at a SignatureCertChainUrl that already passed Amazon's URL rules. */
  abstract fetchChain(url: string): Promise<string>;
  /** The root CAs a chain must end in. */
  abstract trustedRoots(): readonly X509Certificate[];
}

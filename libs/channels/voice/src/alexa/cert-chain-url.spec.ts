import { checkCertChainUrl } from './cert-chain-url';

describe('checkCertChainUrl (Amazon rules for SignatureCertChainUrl)', () => {
  it.each([
    ['https://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
    ['HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem', 'https://s3.amazonaws.com/echo.api/echo-api-cert.pem'],
  ])('accepts %s as %s', (raw, normalised) => {
    expect(checkCertChainUrl(raw)).toEqual({ url: normalised });
  });

  it.each([
    [undefined, 'missing'],
    ['not a url', 'not a URL'],
    ['http://s3.amazonaws.com/echo.api/echo-api-cert.pem', 'https'],
    ['https://notamazon.com/echo.api/echo-api-cert.pem', 's3.amazonaws.com'],
    ['https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem', 's3.amazonaws.com'],
    ['https://s3.amazonaws.com@evil.example/echo.api/echo-api-cert.pem', 's3.amazonaws.com'],
    ['https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem', 'credentials'],
    ['https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem', 'port 443'],
    ['https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem', '/echo.api/'],
    ['https://s3.amazonaws.com/invalid.path/echo-api-cert.pem', '/echo.api/'],
    ['https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem', '/echo.api/'],
    ['https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/cert.pem', '/echo.api/'],
    ['https://s3.amazonaws.com/echo.api', '/echo.api/'],
  ])('refuses %s', (raw, problem) => {
    const result = checkCertChainUrl(raw);
    expect(result).toEqual({ problem: expect.stringContaining(problem) });
  });
});

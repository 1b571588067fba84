/** An error caused by the caller's input: edges turn it into a 4xx or an error ack, never a crash. */
export class ClientInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClientInputError';
  }
}

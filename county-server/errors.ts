/** A refusal with its HTTP status, a stable code for programs and a Chinese message for people. */
export class CountyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CountyError';
  }

  toBody() {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

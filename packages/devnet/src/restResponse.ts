/** An answer of the devnet's REST gateway, and the gateway's error body `{code, message}`. */
export interface RestResponse {
  readonly status: number;
  readonly body: unknown;
}

/** The gateway's error answer: HTTP `status` with `{code, message}` (catapult-rest's error shape). */
export function restError(status: number, code: string, message: string): RestResponse {
  return { status, body: { code, message } };
}

/** One HTTP POST of a JSON body with a deadline; anything but a 2xx answer throws with what came back. */

const ERROR_BODY_CHARS = 200;

export async function postJson(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    const text = (await response.text()).slice(0, ERROR_BODY_CHARS);
    throw new Error(`HTTP ${response.status} ${response.statusText}${text ? `: ${text}` : ''}`);
  }
  // Drain the body so the connection can be reused.
  await response.arrayBuffer();
}

/**
 * The URL at which this process's own /webhooks/unipile is reached from this machine, from the address it listens on
 * (serve()'s info). A wildcard bind (0.0.0.0, ::) is reached through loopback.
 */
export function localWebhookUrl(info: { address: string; family: string; port: number }): string {
  const { address, family, port } = info;
  let host: string;
  if (address === '0.0.0.0' || address === '') host = '127.0.0.1';
  else if (address === '::' || address === '::0') host = '[::1]';
  else host = family === 'IPv6' || address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}/webhooks/unipile`;
}

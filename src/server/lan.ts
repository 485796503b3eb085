import { networkInterfaces } from 'node:os';

/** The http:// addresses other devices on the local network reach this machine's port at. */
export function lanUrls(port: number | string, scheme: 'http' | 'https' = 'http'): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `${scheme}://${i!.address}:${port}`);
}

/** The few parts of proxy-addr (fastify's own dependency) the server uses. */
declare module 'proxy-addr' {
  import type { IncomingMessage } from 'node:http';
  type Trust = (address: string, hop: number) => boolean;
  function proxyaddr(req: IncomingMessage, trust: Trust): string;
  namespace proxyaddr {
    function compile(addresses: string | string[]): Trust;
  }
  export default proxyaddr;
}

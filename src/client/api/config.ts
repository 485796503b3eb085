import { CLIENT_CONFIG_PATH } from '../../shared/constants';
import { clientConfigSchema, type ClientConfig } from '../../shared/open311';
import { ApiError } from './errors';

/**
 * Where the client's Open311 server is. By default our own server tells us (same origin);
 * a build can point at another city's GeoReport v2 server with VITE_OPEN311_BASE and
 * VITE_OPEN311_API_KEY.
 */
export async function loadClientConfig(fetchImpl: typeof fetch = fetch, origin = ''): Promise<ClientConfig> {
  const env = import.meta.env ?? {};
  const base = env.VITE_OPEN311_BASE as string | undefined;
  if (base) {
    return clientConfigSchema.parse({
      open311_base: base,
      api_key: (env.VITE_OPEN311_API_KEY as string | undefined) ?? '',
      jurisdiction_id: (env.VITE_OPEN311_JURISDICTION as string | undefined) ?? '',
    });
  }
  let response: Response;
  try {
    response = await fetchImpl(`${origin}${CLIENT_CONFIG_PATH}`);
  } catch (cause) {
    throw new ApiError('network', 0, [], cause instanceof Error ? cause.message : 'network error');
  }
  if (!response.ok) throw new ApiError('http', response.status);
  const config = clientConfigSchema.parse(await response.json());
  return { ...config, open311_base: new URL(config.open311_base, origin || globalThis.location?.href).toString().replace(/\/$/, '') };
}

import { useEffect, useState } from 'react';
import { remoteVisitors } from '../net/remoteVisitors';

/**
 * Citizens in the hall now (staff not counted), read from the positions map once a second:
 * it changes in place, not through React. This page itself is a spectator, never in the map.
 */
export function useVisitorCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let seen = -1;
    const read = () => {
      if (remoteVisitors.version === seen) return;
      seen = remoteVisitors.version;
      let n = 0;
      for (const v of remoteVisitors.byId.values()) if (v.role === 'citizen') n += 1;
      setCount(n);
    };
    read();
    const id = setInterval(read, 1000);
    return () => clearInterval(id);
  }, []);
  return count;
}

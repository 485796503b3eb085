import { useEffect, useRef, type ReactNode } from 'react';
import { useThree } from '@react-three/fiber';
import { type Group, Plane, Vector3 } from 'three';
import type { Box } from '../../../shared/hall';
import { bakedMaterial, brightMaterial, solidMaterial } from './materials';
import { SignTextMesh } from '../signs/SignTextMesh';

export interface CutawayProps {
  /** Cut or not (the view from above only); default true. */
  enabled?: boolean;
  /** The open floor (x/z, metres) inside which tall things are cut: pillars and the free-standing desks' signs. */
  inside: Box;
  /** Cut height in metres; default 1.95, above everyone's head (people are never cut). */
  height?: number;
  /** The desks: texts of theirs left floating above the cut (a free-standing desk's sign) are hidden. */
  children?: ReactNode;
}

const at = new Vector3();

/**
 * A doll's-house cut for the view from above: over the open floor, the shared hall
 * materials clip everything higher than `height`, so pillars no longer hide the desks and
 * the floor boards behind them. The walls, the desks along them with their signs, and the
 * back wall's banner stay whole. Undone when disabled or unmounted.
 */
export function Cutaway({ enabled = true, inside, height = 1.95, children }: CutawayProps) {
  const gl = useThree((s) => s.gl);
  const group = useRef<Group>(null);
  useEffect(() => {
    if (!enabled) return;
    // A point is clipped on a plane's negative side; with clipIntersection, only when on the
    // negative side of every plane: above `height` and within the box.
    const planes = [
      new Plane(new Vector3(0, -1, 0), height),
      new Plane(new Vector3(-1, 0, 0), inside.minX),
      new Plane(new Vector3(1, 0, 0), -inside.maxX),
      new Plane(new Vector3(0, 0, -1), inside.minZ),
      new Plane(new Vector3(0, 0, 1), -inside.maxZ),
    ];
    const materials = [solidMaterial(), brightMaterial(), bakedMaterial()];
    const local = gl.localClippingEnabled;
    gl.localClippingEnabled = true;
    for (const m of materials) {
      m.clippingPlanes = planes;
      m.clipIntersection = true;
      m.needsUpdate = true;
    }
    // Text has its own materials: the sign's words would float over the cut sign. Cut whether
    // painted yet or not (a text still waiting for its font is painted hidden).
    const hidden: SignTextMesh[] = [];
    const g = group.current;
    if (g) {
      g.updateWorldMatrix(true, true);
      g.traverse((o) => {
        if (!(o instanceof SignTextMesh)) return;
        o.getWorldPosition(at);
        if (at.y > height && at.x > inside.minX && at.x < inside.maxX && at.z > inside.minZ && at.z < inside.maxZ) {
          o.setCut(true);
          hidden.push(o);
        }
      });
    }
    return () => {
      gl.localClippingEnabled = local;
      for (const m of materials) {
        m.clippingPlanes = null;
        m.clipIntersection = false;
        m.needsUpdate = true;
      }
      for (const o of hidden) o.setCut(false);
    };
  }, [gl, enabled, inside, height]);
  return <group ref={group}>{children}</group>;
}

import { MainRegion } from '../MainRegion';

/** The projector / spectator view: the whole hall from above (to be built). */
export function ProjectorMode() {
  return <MainRegion className="projector-mode">{null}</MainRegion>;
}

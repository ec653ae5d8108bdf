import { channelsApi as api } from '../../../shared/api/channels.js';
import { declare } from '../../endpoints.js';
import type { RouteModule } from '../../types.js';
import {
  channelPolicy,
  createChannel,
  listChannels,
  setChannelActive,
  testChannel,
  updateChannel,
} from './channels.service.js';

const config = { permission: 'channels.manage' } as const;

/** The JSON endpoints are declared in src/shared/api/channels.ts. */
const channelsRoutes: RouteModule = async (app, deps) => {
  declare(app, api.list, config, async (q) => listChannels(deps, q.actor));
  declare(app, api.policy, config, async () => channelPolicy(deps));
  declare(app, api.create, config, async (q) => createChannel(deps, q.actor, q.body));
  declare(app, api.update, config, async (q) => updateChannel(deps, q.actor, q.params.id, q.body));
  declare(app, api.withdraw, config, async (q) => setChannelActive(deps, q.actor, q.params.id, false, q.body.reason));
  declare(app, api.restore, config, async (q) => setChannelActive(deps, q.actor, q.params.id, true, q.body.reason));
  declare(app, api.test, config, async (q) => testChannel(deps, q.actor, q.params.id, (m) => q.raw.log.warn(m)));
};
export default channelsRoutes;

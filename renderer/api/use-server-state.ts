// React's side of the server-state layer (docs/architecture.md "Renderer data layer"): a read is
// useServer(channel, input), a write is useWrite(channel, spec); nothing else in the renderer calls
// the backend.
import { QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createElement, useEffect, useState, type ReactNode } from 'react';
import type { Channel } from '../../shared/channels';
import type { Input } from '../../shared/contract';
import {
  createServerCache,
  followChanges,
  serverQuery,
  write,
  type ReadChannel,
  type WriteSpec,
} from './server-state';

/** One cache for the window, following the backend's change events while it is mounted. */
export function ServerStateProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createServerCache);
  useEffect(() => followChanges(client), [client]);
  return createElement(QueryClientProvider, { client }, children);
}

/** A read of the archive, cached under its channel and input; `enabled: false` waits for an input. */
export function useServer<C extends ReadChannel>(
  channel: C,
  input: Input<C>,
  options: { enabled?: boolean } = {},
) {
  return useQuery({ ...serverQuery(channel, input), enabled: options.enabled ?? true });
}

/** A write to the archive: its answer goes into the cache, and its own echo re-reads nothing more. */
export function useWrite<C extends Channel>(channel: C, spec?: WriteSpec<C>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (input: Input<C>) => write(client, channel, input, spec) });
}

// One part of the thread (clarifying questions, advice, what the presenter heard) with its count;
// a part nobody spoke to is left out.
import { useId } from 'react';
import type { Member } from '../../../shared/domain';
import { AdviceTree } from './advice-tree';
import { countReplies, type PointNode } from './point-tree';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

interface ThreadSectionProps {
  title: string;
  /** The list's accessible name, when it should differ from the heading. */
  listLabel?: string;
  nodes: PointNode[];
  members: Member[];
  helped: ReadonlySet<string>;
  /** The group's digest voice, when the situation came with an imported post. */
  digestVoiceId?: string | null;
}

export function ThreadSection({
  title,
  listLabel,
  nodes,
  members,
  helped,
  digestVoiceId,
}: ThreadSectionProps) {
  const id = useId();
  if (nodes.length === 0) return null;
  const replies = countReplies(nodes);
  return (
    <section className="section thread-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
        <span className="section-count">
          {plural(nodes.length, 'point', 'points')}
          {replies > 0 && ` · ${plural(replies, 'sub-point', 'sub-points')}`}
        </span>
      </h2>
      <AdviceTree
        nodes={nodes}
        members={members}
        helped={helped}
        digestVoiceId={digestVoiceId}
        label={listLabel ?? title}
      />
    </section>
  );
}

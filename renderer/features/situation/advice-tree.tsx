// The points raised about a situation, nested by sub-point, each with its author (a link to their
// part in the archive; an imported post's advice is the digest's, no one's), its endorsements, a mark
// when the follow-up said it helped, and a Reply that opens an inline form.
import { useRef, useState } from 'react';
import type { ContributionView, Member } from '../../../shared/domain';
import { hrefTo } from '../../routing/hash-route';
import { KIND_LABELS } from './contribution-kinds';
import { PointForm } from './point-form';
import type { PointNode } from './point-tree';

interface TreeProps {
  nodes: PointNode[];
  members: Member[];
  label: string;
  /** Points a commitment's follow-up said helped. */
  helped: ReadonlySet<string>;
  /** The group's digest voice, whose points came with an imported post and name no one. */
  digestVoiceId?: string | null;
}

/** How the advice of an imported post is attributed: to the digest it came from. */
const DIGEST_AUTHOR = 'The imported digest';

export function AdviceTree(props: TreeProps) {
  // One reply form at a time: a chair captures one speaker at a time.
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  return <PointList {...props} replyingTo={replyingTo} setReplyingTo={setReplyingTo} />;
}

interface ListProps extends TreeProps {
  replyingTo: string | null;
  setReplyingTo: (id: string | null) => void;
}

function PointList({ nodes, label, ...shared }: ListProps) {
  return (
    <ol className="point-list" aria-label={label}>
      {nodes.map((node) => (
        <PointItem key={node.point.id} node={node} {...shared} />
      ))}
    </ol>
  );
}

interface ItemProps extends Omit<ListProps, 'nodes' | 'label'> {
  node: PointNode;
}

function PointItem({ node, members, helped, digestVoiceId, replyingTo, setReplyingTo }: ItemProps) {
  const { point, replies } = node;
  const replyButton = useRef<HTMLButtonElement>(null);
  const replying = replyingTo === point.id;
  const fromDigest =
    digestVoiceId !== undefined && digestVoiceId !== null && point.authorId === digestVoiceId;
  const authorName = fromDigest ? DIGEST_AUTHOR : point.authorName || 'A former member';

  function closeReply() {
    setReplyingTo(null);
    replyButton.current?.focus();
  }

  return (
    <li className="point">
      <article
        className={`point-card kind-${point.kind}`}
        aria-label={`${KIND_LABELS[point.kind]} from ${authorName}`}
      >
        <header className="point-header">
          {point.authorName && !fromDigest ? (
            <a className="point-author" href={hrefTo({ page: 'member', id: point.authorId })}>
              {authorName}
            </a>
          ) : (
            <span className="point-author">{authorName}</span>
          )}
          <span className={`kind-badge kind-${point.kind}`}>{KIND_LABELS[point.kind]}</span>
          {helped.has(point.id) && (
            <span className="helped-mark">
              Helped<span className="visually-hidden">: the follow-up said this advice helped</span>
            </span>
          )}
          <Endorsements point={point} members={members} />
        </header>
        <p className="point-body">{point.body}</p>
        <div className="point-actions">
          <button
            ref={replyButton}
            type="button"
            className="button link"
            aria-expanded={replying}
            aria-label={`Reply to ${authorName}`}
            onClick={() => (replying ? closeReply() : setReplyingTo(point.id))}
          >
            Reply
          </button>
        </div>
        {replying && (
          <PointForm
            members={members}
            parent={{ id: point.id, authorName }}
            onSaved={closeReply}
            onCancel={closeReply}
          />
        )}
      </article>
      {replies.length > 0 && (
        <PointList
          nodes={replies}
          members={members}
          helped={helped}
          digestVoiceId={digestVoiceId}
          label={`Replies to ${authorName}`}
          replyingTo={replyingTo}
          setReplyingTo={setReplyingTo}
        />
      )}
    </li>
  );
}

/** "+2": how many members endorsed a point; hovering names them. */
function Endorsements({ point, members }: { point: ContributionView; members: Member[] }) {
  const count = point.endorsedBy.length;
  if (count === 0) return null;
  // Alphabetical: endorsements made in the same moment have no order of their own.
  const names = point.endorsedBy
    .map((id) => members.find((m) => m.id === id)?.name ?? 'a former member')
    .sort((a, b) => a.localeCompare(b));
  return (
    <span className="endorsements" title={`Endorsed by ${names.join(', ')}`}>
      <span aria-hidden="true">+{count}</span>
      <span className="visually-hidden">
        Endorsed by {count === 1 ? 'one member' : `${count} members`}: {names.join(', ')}
      </span>
    </span>
  );
}

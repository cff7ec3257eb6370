// A situation's thread: the question, the background and its digest credit (which the chair edits in
// place), its tags, the clarifying questions, the advice tree, what the presenter heard, the
// commitments and their outcomes, related past situations, and capturing a new point. It prints as a
// clean record of the discussion.
import { useEffect, useMemo, useRef, useState } from 'react';
import { creditLine } from '../../../shared/digest-format';
import type { Member, SituationStatus } from '../../../shared/domain';
import { backToArchive } from '../../routing/archive-place';
import { hrefTo } from '../../routing/hash-route';
import { useSituation, useSituationStore } from '../../stores/situation-store';
import { formatDayAndTime } from '../../ui/dates';
import { EmptyState, LoadError, Loading } from '../../ui/messages';
import { CommitmentList } from './commitment-list';
import { PointForm } from './point-form';
import { buildPointTree, helpedPointIds, sectionThread } from './point-tree';
import { RelatedPanel } from './related-panel';
import { SituationEditForm } from './situation-edit-form';
import { SituationTags } from './situation-tags';
import { ThreadSection } from './thread-section';
import { useEscapeToArchive } from './use-escape-to-archive';

const STATUS_LABELS: Record<SituationStatus, string> = {
  parked: 'In the parking lot',
  processing: 'Being processed',
  processed: 'Processed',
  resolved: 'Resolved',
};

function presenterRole(presenter: Member): string {
  return [presenter.title, presenter.company].filter(Boolean).join(', ');
}

export function SituationPage({ id }: { id: string }) {
  const show = useSituationStore((s) => s.show);
  const { thread, members, error, retry } = useSituation(id);
  const sections = useMemo(() => sectionThread(buildPointTree(thread?.contributions ?? [])), [thread]);
  const helped = useMemo(() => helpedPointIds(thread?.commitments ?? []), [thread]);
  // The situation being edited, by id: opening another situation closes the form rather than
  // carrying one situation's draft over to the next.
  const [editingId, setEditingId] = useState<string | null>(null);
  const editing = editingId === id;
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEditButton = useRef(false);
  useEscapeToArchive();

  useEffect(() => {
    if (editing || !focusEditButton.current) return;
    focusEditButton.current = false;
    editButton.current?.focus();
  }, [editing]);

  useEffect(() => {
    show(id);
  }, [id, show]);

  const question = thread?.situation.title;
  useEffect(() => {
    if (question) document.title = `${question} — Roundtable`;
  }, [question]);

  if (error?.code === 'NOT_FOUND') {
    return (
      <EmptyState title="That situation is not in the archive.">
        <p>
          It may have been removed. <a href={hrefTo({ page: 'archive' })}>Browse the archive</a>.
        </p>
      </EmptyState>
    );
  }
  if (error && !thread) {
    return (
      <>
        <LoadError message={error.message} />
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </>
    );
  }
  if (!thread) return <Loading label="Opening the situation…" />;

  const { situation, presenter, groupName, commitments } = thread;
  const role = presenterRole(presenter);
  // An imported post is presented by the group's digest voice: no one in the room.
  const digestVoiceId = presenter.origin === 'digest' ? presenter.id : null;
  const saidNothing = thread.contributions.length === 0;
  return (
    <div className="situation-layout">
      <article className="situation" aria-labelledby="situation-question">
        <header className="page-header">
          <a
            className="back-link"
            href={hrefTo({ page: 'archive' })}
            onClick={(event) => {
              event.preventDefault();
              backToArchive();
            }}
          >
            ← Back to the archive <kbd>Esc</kbd>
          </a>
          <p className="kicker">
            {groupName} · {STATUS_LABELS[situation.status]}
          </p>
          {editing ? (
            <SituationEditForm
              key={situation.id}
              situation={situation}
              headingId="situation-question"
              onClose={() => {
                focusEditButton.current = true;
                setEditingId(null);
              }}
            />
          ) : (
            <>
              <h1 id="situation-question">{situation.title}</h1>
              <p className="page-subtitle">
                {digestVoiceId ? (
                  'Imported from a digest'
                ) : (
                  <>
                    Presented by <a href={hrefTo({ page: 'member', id: presenter.id })}>{presenter.name}</a>
                    {role && ` · ${role}`}
                  </>
                )}{' '}
                · {formatDayAndTime(situation.createdAt)}
                {situation.confidential && <span className="badge confidential">Confidential</span>}
              </p>
              <button
                ref={editButton}
                type="button"
                className="button small situation-edit-button"
                title="Edit the question, the background, the confidential mark and the digest credit"
                onClick={() => setEditingId(situation.id)}
              >
                Edit…
              </button>
            </>
          )}
        </header>

        <SituationTags tags={thread.tags} />

        {!editing && (
          <section className="section" aria-labelledby="background-heading">
            <h2 id="background-heading" className="section-title">
              Background
            </h2>
            {situation.background ? (
              <p className="background">{situation.background}</p>
            ) : (
              <p className="muted">No background was written down.</p>
            )}
            {situation.credit && <p className="situation-credit">{creditLine(situation.credit)}</p>}
          </section>
        )}

        {saidNothing && (
          <EmptyState title="Nothing has been said yet.">
            <p>Capture each point below as it is said; it is saved the moment you add it.</p>
          </EmptyState>
        )}
        <ThreadSection
          title="Clarifying questions"
          nodes={sections.questions}
          members={members}
          helped={helped}
          digestVoiceId={digestVoiceId}
        />
        <ThreadSection
          title="Advice"
          listLabel="Advice given"
          nodes={sections.advice}
          members={members}
          helped={helped}
          digestVoiceId={digestVoiceId}
        />
        <ThreadSection
          title="What the presenter heard"
          nodes={sections.reflections}
          members={members}
          helped={helped}
          digestVoiceId={digestVoiceId}
        />
        {commitments.length > 0 && (
          <section className="section" aria-labelledby="commitments-heading">
            <h2 id="commitments-heading" className="section-title">
              Commitments <span className="section-count">{commitments.length}</span>
            </h2>
            <CommitmentList commitments={commitments} />
          </section>
        )}

        <PointForm members={members} />
      </article>
      <RelatedPanel situationId={situation.id} />
    </div>
  );
}

// One tag on the Tags page: its name (opening its page) and count, or the form to rename it or to
// merge it into another tag.
import { useEffect, useRef, useState } from 'react';
import type { TagWithCount } from '../../../shared/domain';
import { archiveHref } from '../../routing/archive-search';
import { TagMergeForm } from './tag-merge-form';
import { TagRenameForm } from './tag-rename-form';

interface TagRowProps {
  tag: TagWithCount;
  others: TagWithCount[];
  /** Says what was done, in a sentence for the page's status line. */
  onDone: (message: string) => void;
}

type Mode = 'view' | 'rename' | 'merge';

export function TagRow({ tag, others, onDone }: TagRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const renameButton = useRef<HTMLButtonElement>(null);
  const mergeButton = useRef<HTMLButtonElement>(null);

  const returnFocusTo = useRef<Mode | null>(null);

  function close(returnTo: Mode) {
    returnFocusTo.current = returnTo;
    setMode('view');
  }

  // Back to the button that opened the form, once it is on screen again.
  useEffect(() => {
    if (mode !== 'view' || returnFocusTo.current === null) return;
    (returnFocusTo.current === 'merge' ? mergeButton : renameButton).current?.focus();
    returnFocusTo.current = null;
  }, [mode]);

  return (
    <tr>
      <th scope="row">
        {mode === 'rename' ? (
          <TagRenameForm
            tag={tag}
            onCancel={() => close('rename')}
            onDone={(message) => {
              close('rename');
              onDone(message);
            }}
          />
        ) : (
          <a href={archiveHref({ tagId: tag.id })}>{tag.name}</a>
        )}
        {mode === 'merge' && (
          <TagMergeForm
            tag={tag}
            others={others}
            onCancel={() => close('merge')}
            onDone={(message) => {
              setMode('view');
              onDone(message);
            }}
          />
        )}
      </th>
      <td className="numeric">{tag.situationCount}</td>
      <td className="row-actions">
        {mode === 'view' && (
          <>
            <button
              ref={renameButton}
              type="button"
              className="button link"
              aria-label={`Rename ${tag.name}`}
              onClick={() => setMode('rename')}
            >
              Rename
            </button>
            {others.length > 0 && (
              <button
                ref={mergeButton}
                type="button"
                className="button link"
                aria-label={`Merge ${tag.name} into another tag`}
                onClick={() => setMode('merge')}
              >
                Merge…
              </button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

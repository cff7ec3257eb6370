// Search hits mark their matched terms with control characters (never HTML); each marked run
// becomes a <mark>, and everything else stays plain text that React escapes.
import { Fragment } from 'react';
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '../../shared/domain';

export interface TextRun {
  text: string;
  marked: boolean;
}

export function splitMarked(value: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const [i, part] of value.split(SNIPPET_MARK_START).entries()) {
    // Before the first start mark nothing is marked; after it, text runs marked up to the end mark.
    const [inside, ...after] = i === 0 ? ['', part] : part.split(SNIPPET_MARK_END);
    const outside = after.join('').replaceAll(SNIPPET_MARK_END, '');
    if (inside) runs.push({ text: inside, marked: true });
    if (outside) runs.push({ text: outside, marked: false });
  }
  return runs;
}

export function MarkedText({ value }: { value: string }) {
  return (
    <>
      {splitMarked(value).map((run, i) =>
        run.marked ? <mark key={i}>{run.text}</mark> : <Fragment key={i}>{run.text}</Fragment>,
      )}
    </>
  );
}

// The app shell: header with navigation and the current group, and the page the hash points at.
import { useEffect, useRef } from 'react';
import { ArchiveView } from './features/archive/archive-view';
import { ArchiveToolsPage } from './features/archive-tools/archive-tools-page';
import { LiveMeetingPage } from './features/meeting-live/live-meeting-page';
import { MeetingsView } from './features/meetings/meetings-view';
import { MemberLensView } from './features/members/member-lens-view';
import { MembersView } from './features/members/members-view';
import { PresenterView } from './features/presenter/presenter-view';
import { SituationPage } from './features/situation/situation-page';
import { TagsView } from './features/tags/tags-view';
import { PlaintextNotice } from './features/vault/plaintext-notice';
import { hrefTo, useRoute, type Page as PageName, type Route } from './routing/hash-route';
import { GroupPicker } from './ui/group-picker';
import { EmptyState } from './ui/messages';

const NAV = [
  { page: 'meetings', label: 'Meetings' },
  { page: 'archive', label: 'Archive' },
  { page: 'tags', label: 'Tags' },
  { page: 'members', label: 'Members' },
  { page: 'tools', label: 'Tools' },
] as const;

/** Titles of the pages that do not title themselves (a situation, a member, a search). */
const PAGE_TITLES: Partial<Record<PageName, string>> = {
  meetings: 'Meetings',
  tags: 'Tags',
  members: 'Members',
  tools: 'Archive tools',
  'not-found': 'Not found',
};

/** Which navigation entry a page belongs under. */
const NAV_SECTION: Partial<Record<PageName, PageName>> = {
  member: 'members',
  situation: 'archive',
  meeting: 'meetings',
};

function routeKey(route: Route): string {
  return 'id' in route ? `${route.page}:${route.id}` : route.page;
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'meetings':
      return <MeetingsView />;
    case 'archive':
      return <ArchiveView search={route.search} />;
    case 'tags':
      return <TagsView />;
    case 'members':
      return <MembersView />;
    case 'tools':
      return <ArchiveToolsPage meetingId={route.meetingId} />;
    case 'member':
      return <MemberLensView id={route.id} />;
    case 'situation':
      return <SituationPage id={route.id} />;
    case 'meeting':
      return <LiveMeetingPage id={route.id} />;
    case 'present':
      return <PresenterView id={route.id} />;
    case 'not-found':
      return (
        <EmptyState title="There is no page here.">
          <p>
            Go to <a href={hrefTo({ page: 'meetings' })}>Meetings</a> or the{' '}
            <a href={hrefTo({ page: 'archive' })}>Archive</a>.
          </p>
        </EmptyState>
      );
  }
}

export function App() {
  const route = useRoute();
  const key = routeKey(route);
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    const title = PAGE_TITLES[route.page];
    if (title) document.title = `${title} — Roundtable`;
    // After navigating, keyboard and screen-reader users start at the new page, not the old link,
    // unless the page has already put focus somewhere useful (the archive's search box).
    if (firstRoute.current) firstRoute.current = false;
    else if (!main.current?.contains(document.activeElement)) main.current?.focus();
    // The key names the page; route.page alone would miss moving between two situations.
  }, [key, route.page]);

  // The projector gets the presenter view alone: no navigation, nothing private.
  if (route.page === 'present') return <PresenterView key={key} id={route.id} />;

  return (
    <div className="app">
      {/* The skip link focuses <main> itself: following "#main" would replace the route in the hash. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Roundtable</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.page}>
                <a
                  href={hrefTo({ page: item.page })}
                  aria-current={
                    route.page === item.page
                      ? 'page'
                      : NAV_SECTION[route.page] === item.page
                        ? 'true'
                        : undefined
                  }
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <GroupPicker />
      </header>
      <PlaintextNotice />
      <main id="main" ref={main} tabIndex={-1}>
        <Page key={key} route={route} />
      </main>
    </div>
  );
}

/** Adds the checklist and reading list that MarkdownContent renders to a unit page's table of contents. */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware(({ locals }) => {
  const route = locals.starlightRoute;
  if (!route.entry.data.unit || !route.toc) return;
  route.toc.items.splice(1, 0, { depth: 2, slug: 'study-checklist', text: 'Study checklist', children: [] });
  route.toc.items.push({ depth: 2, slug: 'reading-list', text: 'Reading list', children: [] });
});

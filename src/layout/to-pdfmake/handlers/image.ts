import type { Image, ImageReference, Nodes } from 'mdast';
import type { PdfContent } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function image(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'image') return undefined;
  return figure(state, node);
}

export function imageReference(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'imageReference') return undefined;
  if (!state.definitions.has(node.identifier)) return state.patch(node, { text: state.original(node) });
  return figure(state, node);
}

function figure(state: State, node: Image | ImageReference): PdfContent {
  const key = state.images.keyFor(node);
  // The transform stage has already reported why an image is unusable; keep its words.
  if (!key) return state.patch(node, { text: node.alt ? `[${node.alt}]` : '', style: 'imageMissing' });
  const title = node.type === 'image' ? node.title : state.definitions.get(node.identifier)?.title;
  const picture = state.patch(node, { image: key, style: 'figure', alt: node.alt ?? '' });
  if (!title) return picture;
  return state.patch(node, { stack: [picture, { text: title, style: 'caption' }], unbreakable: true });
}

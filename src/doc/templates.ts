import type { TemplateMetric, WorkspaceTemplate } from '../domain/templates';
import { addMetric } from './metrics';
import type { WorkspaceDoc } from './schema';
import { setWorkshopField } from './workshop';

/** Lays a template's tree and workshop answers into a document; returns the root's id. */
export function applyTemplate(ws: WorkspaceDoc, template: WorkspaceTemplate): string {
  let rootId = '';
  ws.doc.transact(() => {
    const add = (m: TemplateMetric, parentId: string | null): string => {
      const { children, ...fields } = m;
      const id = addMetric(ws, fields, parentId);
      for (const child of children ?? []) add(child, id);
      return id;
    };
    rootId = add(template.root, null);
    setWorkshopField(ws, 'game', template.game);
    setWorkshopField(ws, 'mission', template.mission);
    setWorkshopField(ws, 'segment', template.segment);
    setWorkshopField(ws, 'chosenMetricId', rootId);
  });
  return rootId;
}

/** A Svelte action: files dragged onto the element are handed over like a chosen file. */
export interface DropZoneOptions {
  /** True while files are dragged over the element (for a highlight). */
  ondrag: (over: boolean) => void;
  ondrop: (file: File) => void;
}

export function dropZone(
  node: HTMLElement,
  initial: DropZoneOptions,
): { update: (o: DropZoneOptions) => void; destroy: () => void } {
  let options = initial;
  const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;
  const over = (e: DragEvent): void => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    options.ondrag(true);
  };
  const leave = (): void => options.ondrag(false);
  const drop = (e: DragEvent): void => {
    e.preventDefault();
    options.ondrag(false);
    const file = e.dataTransfer?.files[0];
    if (file) options.ondrop(file);
  };
  node.addEventListener('dragover', over);
  node.addEventListener('dragleave', leave);
  node.addEventListener('drop', drop);
  return {
    update: (o) => (options = o),
    destroy: () => {
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', drop);
    },
  };
}

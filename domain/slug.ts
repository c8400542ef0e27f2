/**
 * A stable, URL-safe id from a Czech name: diacritics stripped, lower case, words joined by
 * hyphens, at most 80 characters. Catalog ids and importer output both use it, so a project
 * named the same way in two reports gets the same id.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** A text field of a submitted form; file fields and missing ones read as ''. */
export function readField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

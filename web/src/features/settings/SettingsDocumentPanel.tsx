/**
 * A settings document the API keeps as one JSON value (the health rules, the
 * trackers): its readable view, and a JSON editor that replaces the whole
 * document with PUT. The server validates exactly as the CLI validates a
 * file, so a refused document shows the API's own detail and hint. Every
 * save reloads the document, and the editor restarts from what was saved.
 */
import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useSignedInSession } from '../../app/useSession.js';
import { AsyncView } from '../../components/AsyncView.js';
import { ProblemNotice } from '../../components/LoadState.js';
import { Panel } from '../../components/Panel.js';
import { ApiProblem, sendJson } from '../../lib/api.js';
import { useApi } from '../../lib/useApi.js';
import { useWrite, type Write } from './useWrite.js';

/** Replaces the document with `body`; the panel reloads it once the API has accepted it. */
export type SaveDocument = (body: unknown, write: Write) => void;

export type SettingsDocumentPanelProps<T> = {
  title: string;
  description: string;
  path: string;
  /** What the document is, for "Loading …" and the editor's label: "the health rules". */
  label: string;
  children: (document: T, save: SaveDocument) => ReactNode;
};

export function SettingsDocumentPanel<T>({
  title,
  description,
  path,
  label,
  children,
}: SettingsDocumentPanelProps<T>) {
  const { csrfToken } = useSignedInSession();
  const [version, setVersion] = useState(0);
  const [savedVersion, setSavedVersion] = useState<number>();
  const state = useApi<T>(path, version);
  const save: SaveDocument = (body, write) => {
    setSavedVersion(undefined);
    write.run(
      () => sendJson<T>('PUT', path, { csrfToken, body }),
      () => {
        setSavedVersion(version + 1);
        setVersion((current) => current + 1);
      },
    );
  };
  return (
    <Panel title={title} description={description} wide>
      {savedVersion === version ? (
        <p className="notice" role="status">
          Saved {label}.
        </p>
      ) : null}
      <AsyncView state={state} label={label}>
        {(document) => (
          // Keyed by the load, so every field restarts from the document as saved.
          <Fragment key={version}>
            {children(document, save)}
            <JsonEditor document={document} label={label} save={save} />
          </Fragment>
        )}
      </AsyncView>
    </Panel>
  );
}

type JsonEditorProps = { document: unknown; label: string; save: SaveDocument };

function JsonEditor({ document, label, save }: JsonEditorProps) {
  const write = useWrite();
  const [text, setText] = useState(() => JSON.stringify(document, null, 2));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error: unknown) {
      write.refuse(
        new ApiProblem(
          0,
          'Not JSON',
          `The editor does not hold JSON: ${error instanceof Error ? error.message : String(error)}.`,
          'Fix the JSON (quotes around names, no trailing comma) and save again; nothing was sent.',
        ),
      );
      return;
    }
    save(body, write);
  };
  return (
    <details className="json-editor">
      <summary>Edit {label} as JSON</summary>
      <form className="stacked-form json-form" onSubmit={submit}>
        <label>
          {`The whole document; saving replaces ${label}`}
          <textarea
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={16}
            spellCheck={false}
          />
        </label>
        {write.problem === undefined ? null : <ProblemNotice problem={write.problem} />}
        <button type="submit" disabled={write.isSending}>
          Replace {label}
        </button>
      </form>
    </details>
  );
}

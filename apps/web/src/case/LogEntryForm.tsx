import { Alert, Button, Details, Field, Heading, Label, Paragraph, Select, Textfield, type SuggestionItem } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { PeoplePicker, PersonPicker } from './PersonPicker';
import { useRefreshCase } from './useCase';

type Kind = Schemas['CreateLogEntryDto']['type'];
const KIND_LABEL: Record<Kind, string> = {
  note: 'Notat',
  conversation_child: 'Samtale med barnet',
  conversation_guardians: 'Samtale med foresatte',
  meeting: 'Møte',
};

interface TaskDraft {
  text: string;
  responsible: SuggestionItem | null;
  dueDate: string;
}
const emptyTask = (): TaskDraft => ({ text: '', responsible: null, dueDate: '' });

/** `datetime-local` (Oslo, the browser's zone in use) → an instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** Write in the log: a note, a conversation, or a meeting with participants and tasks (DESIGN 8.6). */
export function LogEntryForm({ caseData }: { caseData: Schemas['CaseResponse'] }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>('note');
  const [text, setText] = useState('');
  const [at, setAt] = useState('');
  const [participants, setParticipants] = useState<SuggestionItem[]>([]);
  const [tasks, setTasks] = useState<TaskDraft[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const refresh = useRefreshCase(caseData.id);
  useEffect(() => {
    if (saved) confirmation.current?.focus();
  }, [saved]);
  const write = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cases/{id}/log', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: {
            type: kind,
            text,
            ...(kind !== 'note' && at ? { at: toInstant(at) } : {}),
            ...(kind === 'meeting' && participants.length ? { participants: participants.map((p) => p.value) } : {}),
            ...(kind === 'meeting' && tasks.length
              ? { tasks: tasks.map((t) => ({ text: t.text, responsibleId: t.responsible?.value ?? '', dueDate: t.dueDate })) }
              : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setSaved(`${KIND_LABEL[kind]} er lagret i loggen.`);
      setText('');
      setAt('');
      setParticipants([]);
      setTasks([]);
      setOpen(false);
      await refresh();
    },
  });
  const setTask = (i: number, change: Partial<TaskDraft>) => setTasks((all) => all.map((t, j) => (j === i ? { ...t, ...change } : t)));
  return (
    <div className="stack">
      {saved && (
        <Alert data-color="success" ref={confirmation} tabIndex={-1}>
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      <Details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <Details.Summary>Skriv i loggen</Details.Summary>
        <Details.Content>
          <form
            className="stack"
            noValidate
            aria-label="Skriv i loggen"
            onSubmit={(e) => {
              e.preventDefault();
              setSaved(null);
              write.mutate();
            }}
          >
            <Field>
              <Label>Hva skriver du?</Label>
              <Select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {Object.entries(KIND_LABEL).map(([code, name]) => (
                  <Select.Option key={code} value={code}>
                    {name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {kind !== 'note' && (
              <Textfield
                label="Når var det? (valgfritt)"
                description="Uten tidspunkt: nå."
                type="datetime-local"
                value={at}
                onChange={(e) => setAt(e.target.value)}
                error={fieldError(write.error, 'at')}
              />
            )}
            {kind === 'meeting' && (
              <PeoplePicker
                id="log-participants"
                label="Deltakere"
                description="Skriv starten av navnet, eller et navn utenfra (for eksempel «Mor») og trykk Enter."
                creatable
                value={participants}
                onChange={setParticipants}
                error={fieldError(write.error, 'participants')}
              />
            )}
            <Textfield
              multiline
              rows={4}
              label={kind === 'meeting' ? 'Referat' : kind === 'note' ? 'Notat' : 'Hva kom fram i samtalen?'}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={fieldError(write.error, 'text')}
            />
            {kind === 'meeting' && (
              <fieldset className="stack tasks">
                <legend>Oppgaver</legend>
                {tasks.map((t, i) => (
                  <div key={i} className="stack task">
                    <Heading level={3} data-size="2xs">
                      Oppgave {i + 1}
                    </Heading>
                    <Textfield label="Hva skal gjøres?" value={t.text} onChange={(e) => setTask(i, { text: e.target.value })} error={fieldError(write.error, `tasks[${i}].text`)} />
                    <PersonPicker
                      id={`task-${i}-responsible`}
                      label="Ansvarlig"
                      value={t.responsible}
                      onChange={(item) => setTask(i, { responsible: item })}
                      error={fieldError(write.error, `tasks[${i}].responsibleId`)}
                    />
                    <Textfield label="Frist" type="date" value={t.dueDate} onChange={(e) => setTask(i, { dueDate: e.target.value })} error={fieldError(write.error, `tasks[${i}].dueDate`)} />
                    <div>
                      <Button type="button" variant="tertiary" data-size="sm" onClick={() => setTasks((all) => all.filter((_, j) => j !== i))}>
                        Fjern oppgave {i + 1}
                      </Button>
                    </div>
                  </div>
                ))}
                <div>
                  <Button type="button" variant="secondary" data-size="sm" onClick={() => setTasks((all) => [...all, emptyTask()])}>
                    Legg til oppgave
                  </Button>
                </div>
              </fieldset>
            )}
            <ProblemAlert error={write.error} />
            <div>
              <Button type="submit" data-size="sm" disabled={write.isPending}>
                Lagre i loggen
              </Button>
            </div>
          </form>
        </Details.Content>
      </Details>
    </div>
  );
}

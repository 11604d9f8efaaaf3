import { Alert, Button, Heading, Paragraph, type SuggestionItem } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { fieldError, ProblemAlert } from '../components/ProblemAlert';
import { personName, usePeopleNames } from './people';
import { PersonPicker } from './PersonPicker';
import { useRefreshCase } from './useCase';

/** The stafettholder and, for the unit leader, assignment and handover to a person found by name. */
export function AssignmentPanel({ caseData, canAssign, onStale }: { caseData: Schemas['CaseResponse']; canAssign: boolean; onStale: () => void }) {
  const { me } = useSession();
  const refresh = useRefreshCase(caseData.id);
  const names = usePeopleNames([caseData.assigneeId, caseData.pendingAssigneeId]);
  const [person, setPerson] = useState<SuggestionItem | null>(null);
  const [saved, setSaved] = useState('');
  const confirmation = useRef<HTMLDivElement>(null);
  const handover = Boolean(caseData.assigneeId);
  const assign = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/cases/{id}/assignee', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { assigneeId: person?.value ?? '' },
        }),
      ),
    onSuccess: async () => {
      setSaved(handover ? `${person?.label} er spurt om å overta saken.` : `${person?.label} er stafettholder.`);
      setPerson(null);
      await refresh();
      confirmation.current?.focus();
    },
  });
  if (caseData.view !== 'full') return null;
  return (
    <section className="stack" aria-labelledby="coordinator-heading">
      <Heading level={2} data-size="sm" id="coordinator-heading">
        Stafettholder
      </Heading>
      <Paragraph>
        {caseData.assigneeId ? `Saken holdes av ${personName(caseData.assigneeId, names, me?.userId)}.` : 'Saken har ingen stafettholder ennå.'}
        {caseData.pendingAssigneeId ? ` Overlevering venter på svar fra ${personName(caseData.pendingAssigneeId, names, me?.userId)}.` : ''}
      </Paragraph>
      {saved && (
        <Alert data-color="success" ref={confirmation} tabIndex={-1}>
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      {canAssign && (
        <form
          className="stack"
          aria-label={handover ? 'Overlever saken' : 'Tildel stafettholder'}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate();
          }}
        >
          <PersonPicker
            id="assignee"
            label={handover ? 'Overlever saken til' : 'Ny stafettholder'}
            description="Skriv starten av navnet. En ansatt eller leder i enheten."
            filter={caseData.unitId ? { unitId: caseData.unitId } : undefined}
            value={person}
            onChange={setPerson}
            error={fieldError(assign.error, 'assigneeId')}
          />
          <div>
            <Button type="submit" data-size="sm" disabled={!person || assign.isPending}>
              {handover ? 'Overlever' : 'Tildel'}
            </Button>
          </div>
        </form>
      )}
      <ProblemAlert error={assign.error} onReload={() => { assign.reset(); onStale(); }} />
    </section>
  );
}

import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ifMatch, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/ProblemAlert';
import { candidates, personOnCase } from './people';
import { useRefreshCase } from './useCase';

/** The coordinator (stafettholder) and, for the unit leader, assignment and handover. */
export function AssignmentPanel({ caseData, canAssign, onStale }: { caseData: Schemas['CaseResponse']; canAssign: boolean; onStale: () => void }) {
  const { me } = useSession();
  const refresh = useRefreshCase(caseData.id);
  const options = candidates(caseData, me?.userId).filter((c) => c.id !== caseData.assigneeId);
  const [assigneeId, setAssigneeId] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/cases/{id}/assignee', {
          params: { path: { id: caseData.id }, header: { 'If-Match': ifMatch(caseData.version) } },
          body: { assigneeId },
        }),
      ),
    onSuccess: () => {
      setAssigneeId('');
      return refresh();
    },
  });
  return (
    <section className="stack" aria-labelledby="coordinator-heading">
      <Heading level={2} data-size="sm" id="coordinator-heading">
        Saksansvarlig (stafettholder)
      </Heading>
      <Paragraph>{caseData.assigneeId ? `Saken holdes av ${personOnCase(caseData.assigneeId, caseData, me?.userId, { nameCoordinator: false })}.` : 'Saken har ingen saksansvarlig ennå.'}</Paragraph>
      {canAssign && options.length > 0 && (
        <form
          className="row"
          aria-label="Tildel saksansvarlig"
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate();
          }}
        >
          <Field>
            <Label>{caseData.assigneeId ? 'Overlever saken til' : 'Tildel saken til'}</Label>
            <Select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <Select.Option value="" disabled>
                Velg person
              </Select.Option>
              {options.map((o) => (
                <Select.Option key={o.id} value={o.id}>
                  {o.text[0]!.toUpperCase() + o.text.slice(1)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button type="submit" data-size="sm" disabled={!assigneeId || assign.isPending}>
            {caseData.assigneeId ? 'Overlever' : 'Tildel'}
          </Button>
        </form>
      )}
      <ProblemAlert error={assign.error} onReload={() => { assign.reset(); onStale(); }} />
    </section>
  );
}

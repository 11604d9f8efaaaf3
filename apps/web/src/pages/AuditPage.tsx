import { Heading } from '@digdir/designsystemet-react';

export default function AuditPage() {
  return (
    <div className="page stack">
      <Heading level={1} data-size="md">
        Kommer
      </Heading>
    </div>
  );
}

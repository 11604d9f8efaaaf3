export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthConfigController_authConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/dev-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevLoginController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/dev-citizen-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["DevCitizenLoginController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UnitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People of your municipality you may name in a case
         * @description Staff and leaders of a unit, team members of a service and coordinators: the people a case may name as stafettholder, responsible or participant. Name, roles and service only. For callers who work on cases (not auditors, analysts or admins: 403). At most 50, by name.
         */
        get: operations["PeopleController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/concern-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/risk-factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_riskFactors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/protective-factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_protectiveFactors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_measures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/case-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CatalogController_caseEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People who appear in the municipality's audit trail, by name: the search by person (auditor) */
        get: operations["AuditController_actors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify one page of the audit hash chain */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CasesController_list"];
        put?: never;
        post: operations["CasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CasesController_event"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign a coordinator, or offer a handover that the proposed person must accept (DESIGN 8.2) */
        put: operations["CasesController_assign"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CasesController_caseLog"];
        put?: never;
        /**
         * Write a note, a conversation with the child or the guardians, or the minutes of a meeting
         * @description Anyone working on the case with an identified view (reporter, coordinator, unit leader, the arena under consent); others 403, a hidden case 404. Not on a closed case (422). Participants and tasks are kept with the entry and shown in its text; each task schedules a `task_due` reminder to its responsible, who must be able to open the case identified (else 400 naming `tasks[i].responsibleId`). The entry is never changed afterwards: see corrections.
         */
        post: operations["CaseLogController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/log/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One log entry with its participants, tasks and corrections (anonymised viewers: type and dates only) */
        get: operations["CaseLogController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/log/{entryId}/declassification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clear an entry's `confidential`: the family then sees it (action `log.declassify`, the unit leader)
         * @description Others 403; an entry that is not confidential (or cleared already) 422 `NOT_CONFIDENTIAL`. The entry's text is unchanged; a `confidential_cleared` log line and an audit row record who cleared it.
         */
        post: operations["CaseLogController_declassify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/log/{entryId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct a log entry: a new entry of type `correction` pointing at the original, which never changes
         * @description Anyone working on the case with an identified view (reporter, coordinator, unit leader, the arena under consent); others 403, a hidden case 404. Any entry of the case may be corrected, also on a closed case.
         */
        post: operations["CaseLogController_correct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/child-welfare-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's reports to child welfare (bekymringsmeldinger), oldest first */
        get: operations["ChildWelfareReportsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/child-welfare-reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as KS Fiks «offentlig bekymringsmelding» v2 JSON, validated against the schema */
        get: operations["ChildWelfareReportsController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/child-welfare-reports/{reportId}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as a printable bokmål page (HTML with print CSS, A4) */
        get: operations["ChildWelfareReportsController_printable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ConsentsController_list"];
        put?: never;
        post: operations["ConsentsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/consents/{consentId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsentsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's unread notifications (the header's badge) */
        get: operations["NotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the caller gets e-mail notices */
        get: operations["NotificationSettingsController_get"];
        /** Chooses immediate e-mails or a daily digest; applies to notices written from now on */
        put: operations["NotificationSettingsController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail-deliveries/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * E-mail notices and digests that could not be delivered (admin only)
         * @description Newest failure first, for recipients in the admin’s municipality. Each can be retried from the queue board (/admin/queues, queue `mail`, job id = id).
         */
        get: operations["FailedMailController_failed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * IKS queue, highest priority first
         * @description The IKS queue: the IKS coordinator sees every referral of the municipality, an iks_member the referrals whose core group names them; others 403.
         *     Without `status`: the open ones (referred, accepted).
         *
         *     Order: the coordinator's manual priority wins (1 akutt, 2 høy, 3 normal, 4 lav; none ranks as 3), then the score (0–100, highest first), then the oldest referral.
         *     Score: suspected violence or sexual abuse +40; +5 per risk factor in the concern (at most 30); +5 per level tried before the referral (0 when decided straight to IKS; at most 10); +1 per day waiting (at most 20).
         *     A referral whose case the caller can no longer see (e.g. returned) has `score: null` and ranks last in its tier.
         *
         *     `capacity`: accepted referrals this calendar year against the profile's `iksCasesPerYear` (below the range: available; within: limited; at its top: full), with the active cases and the referrals waiting.
         */
        get: operations["IksController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One referral with its competence orders (IKS coordinator, its core-group members, the unit leader of the case’s unit) */
        get: operations["IksController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/iks-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's IKS referrals, newest first (anyone who sees the case; the unit leader follows the status here) */
        get: operations["IksController_forCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IKS coordinator: set or clear the manual priority of an open referral */
        post: operations["IksController_setPriority"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals/{id}/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IKS coordinator: accept a referral with priority, core group, entry plan and exit criteria */
        post: operations["IksController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IKS coordinator: return a referral; the case goes back to deciding and the unit leader is notified */
        post: operations["IksController_returnReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IKS coordinator: end the IKS involvement once the recorded exit criteria are met */
        post: operations["IksController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/referrals/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** IKS coordinator: order a service's competence from a unit leader (accepted referrals) */
        post: operations["IksController_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Competence orders: all for the IKS coordinator, the ones addressed to them for a unit leader */
        get: operations["IksController_orders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/iks/orders/{orderId}/acknowledgement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The addressed unit leader acknowledges a competence order (others: 404) */
        post: operations["IksController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/measures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's measures with their evaluations, oldest first (anyone who sees the case) */
        get: operations["MeasuresController_list"];
        put?: never;
        /**
         * Add a measure (tiltak) from the catalog or as free text
         * @description The case coordinator (assignee) or the unit leader, while the case is acting or evaluating. Schedules the evaluation reminders: the responsible person on the evaluation date (08:00, moved to a working day), the unit leader when it is REMINDER_EVALUATION_OVERDUE late. Log entry `measure_added`.
         */
        post: operations["MeasuresController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/measures/{measureId}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate a measure: continue / adjust (with the next evaluation date) or stop
         * @description The responsible person, the case coordinator or the unit leader. Cancels the pending evaluation reminders and schedules the next ones. Log entry `measure_evaluated`.
         */
        post: operations["MeasuresController_evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Aggregates for the annual report (analyst only; 403 otherwise)
         * @description Cases whose concern was logged from `from` to `to` (inclusive, Europe/Oslo), in total and by unit kind and cluster.
         *     Every count under 5 (0–4) is `{value: null, suppressed: true}`. Medians are suppressed below 5 measured cases, a share when its numerator or denominator is suppressed. Cells that add up to a shown total (levels, routes, the groups of a breakdown) never leave exactly one suppressed cell: the smallest other is suppressed too, and a group whose concern count is suppressed is suppressed whole.
         */
        get: operations["StatsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationAdminController_listUnits"];
        put?: never;
        post: operations["OrganisationAdminController_createUnit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["OrganisationAdminController_updateUnit"];
        trace?: never;
    };
    "/api/v1/admin/clusters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganisationAdminController_listClusters"];
        put?: never;
        post: operations["OrganisationAdminController_createCluster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/clusters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["OrganisationAdminController_updateCluster"];
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PeopleAdminController_list"];
        put?: never;
        post: operations["PeopleAdminController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["PeopleAdminController_update"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PeopleAdminController_grantRole"];
        delete: operations["PeopleAdminController_revokeRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/responsibilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PeopleAdminController_responsibilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProfileAdminController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/profile/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["ProfileAdminController_saveDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/profile/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["ProfileAdminController_saveVersion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/profile/draft/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProfileAdminController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/scim-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ScimTokensController_list"];
        put?: never;
        post: operations["ScimTokensController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/scim-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ScimTokensController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/scim-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ScimGroupsController_list"];
        put: operations["ScimGroupsController_map"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UserImportController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is due or overdue for the caller within `days` («Denne uka»), earliest first */
        get: operations["AgendaController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/guardians": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GuardiansController_list"];
        put?: never;
        post: operations["GuardiansController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/guardians/{guardianId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["GuardiansController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/youth-sharing/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Override the youth's choice about sharing with the guardians, with a reason (action `youth_sharing.override`, the unit leader) */
        post: operations["YouthSharingOverrideController_override"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ConsentRequestsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenController_children"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenController_case"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/cases/{caseId}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenController_log"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/cases/{caseId}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenController_accessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/cases/{caseId}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenController_statement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/cases/{caseId}/sharing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenController_sharing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenController_consentRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/consent-requests/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/consents/{consentId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenSessionController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CitizenSessionController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CitizenSessionController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/extractions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a Noark 5 extraction of the cases closed in [from, to] (archive.extract) */
        post: operations["ArchiveController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/extractions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ArchiveController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/extractions/{id}/package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The package as a zip, its files at the root (archive.extract) */
        get: operations["ArchiveController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/archive/extractions/{id}/deposited": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the archive received the package (archive.deposit): its cases may then be deleted */
        post: operations["ArchiveController_deposited"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/deletions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deletion report: cases deleted per job run and rule (retention.read) */
        get: operations["ArchiveController_deletions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        DemoUserDto: {
            /** @example kari.ansatt */
            username: string;
            /** @example Kari Ansatt */
            displayName: string;
            /** @example staff */
            role: string;
        };
        DemoCitizenDto: {
            /**
             * @description Synthetic national id (month + 80)
             * @example 03888510086
             */
            pid: string;
            name: string;
            description: string;
        };
        AuthConfigDto: {
            /** @enum {string} */
            mode: "dev" | "oidc";
            /** @description oidc: the issuer the web UI signs in against (authorization code + PKCE). */
            issuer?: string;
            /** @description oidc: the public client id of the web UI (OIDC_CLIENT_ID, else OIDC_AUDIENCE). */
            clientId?: string;
            /** @description dev: the seeded demo users a login picker may offer. */
            demoUsers?: components["schemas"]["DemoUserDto"][];
            /** @description dev: the synthetic citizen identities for POST /auth/dev-citizen-login and the ID-porten stand-in. */
            demoCitizens?: components["schemas"]["DemoCitizenDto"][];
        };
        DevLoginDto: {
            /** @example kari.ansatt */
            username: string;
        };
        AccessTokenDto: {
            accessToken: string;
        };
        DevCitizenLoginDto: {
            /**
             * @description A synthetic national id (month + 80); never a real one
             * @example 03888510086
             */
            pid: string;
            /**
             * @default idporten-loa-high
             * @enum {string}
             */
            acr: "idporten-loa-substantial" | "idporten-loa-high";
        };
        CitizenAccessTokenDto: {
            /** @description The API's citizen token: send as Authorization: Bearer on /api/v1/citizen/… */
            accessToken: string;
            /** @description The value of the bti_citizen_csrf cookie, for X-CSRF-Token on writes authenticated by the cookie */
            csrfToken: string;
        };
        RoleScopeDto: {
            role: string;
            /** @enum {string} */
            scopeType: "unit" | "cluster" | "municipality" | "platform";
            scopeId: string;
        };
        MeDto: {
            userId: string;
            username: string;
            displayName: string;
            municipalityId: string;
            roles: components["schemas"]["RoleScopeDto"][];
            /** @description The municipality and platform actions the caller may perform (and `case.create` when they work in a unit) */
            allowedActions: ("cases.read" | "cases.read.unit" | "audit.read" | "stats.read" | "iks.queue" | "iks.orders.read" | "people.read" | "mail.failed.read" | "admin.units" | "admin.users" | "admin.profile" | "archive.extract" | "archive.deposit" | "retention.read" | "case.create" | "queues.operate")[];
            /** @description The units where the caller may log a concern (`case.create`), from the same table */
            caseCreateUnitIds: string[];
        };
        PostalAddressDto: {
            /** @example Storgata 1 */
            line1: string;
            line2?: string;
            line3?: string;
            /** @example 4611 */
            postalCode?: string;
            /** @example Kristiansand */
            postalPlace?: string;
        };
        UnitDto: {
            id: string;
            /** @example solsiden-bhg */
            code: string;
            name: string;
            /** @enum {string} */
            kind: "health_station" | "kindergarten" | "primary_school" | "lower_secondary_school" | "other";
            clusterId: string;
            /** @description The sender address of a report to child welfare */
            address: components["schemas"]["PostalAddressDto"] | null;
        };
        PersonRoleView: {
            /** @enum {string} */
            role: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member";
            /** @description The unit (or, for a team member, the cluster) the role is held in; null for a municipality role */
            unitName: string | null;
        };
        PersonView: {
            /** Format: uuid */
            id: string;
            name: string;
            roles: components["schemas"]["PersonRoleView"][];
            service: string | null;
        };
        PeopleResponse: {
            items: components["schemas"]["PersonView"][];
        };
        CatalogItemDto: {
            code: string;
            /** @description Bokmål label */
            nb: string;
            en?: string;
            /** @description Prevention levels (measures only) */
            levels?: string[];
        };
        EventFieldValueView: {
            code: string;
            /** @description Bokmål */
            label: string;
        };
        EventFieldView: {
            /** @description The payload field of POST /cases/:id/events */
            name: string;
            /**
             * @description person: a user id from GET /people (pick by name); unit: a unit id from GET /units; address: PostalAddressDto; guardians: ReportGuardianDto[]
             * @enum {string}
             */
            type: "text" | "textarea" | "boolean" | "choice" | "person" | "unit" | "address" | "guardians";
            /** @description Bokmål, as a form shows it */
            label: string;
            description?: string;
            /** @description Refused without it (the request validation reads this same description) */
            required: boolean;
            /** @description Required only when this holds (checked by the workflow rules) */
            requiredWhen?: {
                [key: string]: string | boolean;
            };
            /** @description Only meaningful, and only sent, when this holds */
            shownWhen?: {
                [key: string]: string | boolean;
            };
            /** @description choice: the allowed codes */
            values?: components["schemas"]["EventFieldValueView"][];
            /**
             * @description What the case already knows that fills the field
             * @enum {string}
             */
            prefill?: "child.address" | "child.guardians" | "unit.address";
        };
        EventFormView: {
            /** @enum {string} */
            type: "start_assessment" | "complete_assessment" | "decide" | "escalate" | "request_evaluation" | "evaluate" | "close" | "reopen" | "report_to_child_welfare" | "raise_safety_concern" | "accept_handover" | "decline_handover" | "propose_transfer" | "accept_transfer" | "reject_transfer" | "step_down" | "guardians_may_be_informed";
            /** @description Bokmål name of the action */
            label: string;
            fields: components["schemas"]["EventFieldView"][];
        };
        AuditEventView: {
            id: string;
            actorId: string;
            actorUsername: string;
            /** @description The actor's name (null for the system actor) */
            actorName: string | null;
            /** @example case.read */
            action: string;
            caseId: string | null;
            /** Format: date-time */
            at: string;
            requestId: string;
            purpose: string;
            /** @description An administrative change: the target’s id and the fields before and after (ids only). */
            detail: Record<string, never> | null;
            /** @description Chained into the municipality’s hash chain yet (the worker seals rows shortly after commit). */
            sealed: boolean;
            /** @description Position in the chain; null until sealed. */
            seq: string | null;
            /** @description The link’s hash; null until sealed. */
            hash: string | null;
        };
        AuditListResponse: {
            items: components["schemas"]["AuditEventView"][];
            /** @description Rows matching the filters (all pages), counted up to 1 000: see `totalCapped`. */
            total: number;
            /** @description More rows match than `total` says (narrow by person, case or period, or page on with `nextCursor`). */
            totalCapped: boolean;
            page: number;
            pageSize: number;
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        AuditActorView: {
            /** Format: uuid */
            id: string;
            name: string;
            username: string;
        };
        AuditActorsResponse: {
            /** @description At most 20, by name */
            items: components["schemas"]["AuditActorView"][];
        };
        AuditChainView: {
            /** @description This page of the chain is intact (and, on the last page, ends at the head). */
            valid: boolean;
            /** @description Links checked on this page. */
            checked: number;
            /** @description The audit row at the first broken link (altered, removed or moved). */
            brokenAtId: string | null;
            /** @description The chain position of the first broken link. */
            brokenAtSeq: string | null;
            municipalityId: string;
            afterSeq: string;
            /** @description Pass as afterSeq for the next page; null when the head was reached. */
            nextAfterSeq: string | null;
            /** @description Position of the chain’s head. */
            sealedThrough: string;
            /** @description Rows written but not sealed yet. */
            unsealed: number;
        };
        GuardianDto: {
            name: string;
            /** @example mor */
            relation: string;
            /** @description Har foreldreansvar */
            parentalResponsibility: boolean;
            contact?: string;
        };
        ChildDto: {
            firstName: string;
            lastName: string;
            /**
             * Format: date
             * @example 2019-05-04
             */
            birthDate: string;
            /** @description Fødselsnummer or D-nummer (11 digits) */
            nationalId?: string;
            guardians?: components["schemas"]["GuardianDto"][];
            /** @description Where the child lives; a report to child welfare needs it (asked for then if missing) */
            address?: components["schemas"]["PostalAddressDto"];
        };
        ConcernDto: {
            /** @description What was observed */
            description: string;
            /** @description Codes from /catalog/concern-categories */
            categories: string[];
            /** @description Codes from /catalog/risk-factors */
            riskFactors: string[];
            /** @description Codes from /catalog/protective-factors */
            protectiveFactors: string[];
            /** @description The child's own voice */
            childVoice?: string;
            /** @description Violence or sexual abuse is suspected */
            suspectedViolenceOrAbuse: boolean;
        };
        CreateCaseDto: {
            /** Format: uuid */
            unitId: string;
            child: components["schemas"]["ChildDto"];
            concern: components["schemas"]["ConcernDto"];
        };
        GuardianView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            name: string;
            relation: string;
            parentalResponsibility: boolean;
            contact: string | null;
            /** @description For notices (the kind of notice only) */
            email: string | null;
            /** @description The registered national id (identified view only); null until registered */
            nationalId: string | null;
            /** @enum {string|null} */
            basis: "stated_by_staff" | "document_seen" | "registry" | null;
            /** Format: uuid */
            verifiedBy: string | null;
            /** Format: date-time */
            verifiedAt: string | null;
            /** @description Whether this guardian can log in to the family portal (a national id is registered) */
            linked: boolean;
        };
        ChildView: {
            firstName: string | null;
            lastName: string | null;
            /** Format: date */
            birthDate: string | null;
            birthYear: number;
            /** @description Only in GET /cases/:id for callers who see the case identifiable */
            nationalId?: string;
            guardians: components["schemas"]["GuardianView"][] | null;
            /** @description Where the child lives (null when unknown or anonymised); the report to child welfare starts from it */
            address: components["schemas"]["PostalAddressDto"] | null;
        };
        ConcernView: {
            /** @description null for a caller who sees the case anonymised (DESIGN 8.4) */
            description: string | null;
            categories: string[];
            riskFactors: string[];
            protectiveFactors: string[];
            /** @description The voice noted with the concern; null when anonymised */
            childVoice: string | null;
            /** @description What the reporter ticked; the case flag (flags.suspectedViolenceOrAbuse) also follows category and risk factors */
            suspectedViolenceOrAbuse: boolean;
        };
        CaseFlagsView: {
            /** @description Safety path (DESIGN 8.1): true when the concern says violence or abuse is suspected, has category violence_abuse or a risk factor marked indicatesAbuse, or when raise_safety_concern was recorded later */
            suspectedViolenceOrAbuse: boolean;
        };
        SafetyGuidanceView: {
            message: string;
            actions: string[];
        };
        ChildVoiceView: {
            /** @description Whether the child was heard */
            heard: boolean | null;
            /** @description The child's view */
            view: string | null;
            /** @description Why the child was not heard */
            reasonNotHeard: string | null;
            /** @description How the view was weighed (from age 12) */
            weight: string | null;
            /** Format: date-time */
            at: string;
        };
        DeadlineView: {
            /**
             * @description decision_due: level 0 ends in a decision (8.2); evaluation_due: an active measure; consent_expiry; task_due: a task from the log; child_welfare_report_due: a flagged case not yet reported (8.1)
             * @enum {string}
             */
            kind: "decision_due" | "evaluation_due" | "consent_expiry" | "task_due" | "child_welfare_report_due";
            /**
             * Format: date-time
             * @description For evaluation_due and task_due: the start of the day (Europe/Oslo)
             */
            dueAt: string;
            overdue: boolean;
            /**
             * Format: uuid
             * @description Who must act (measure or task responsible); absent when anonymised
             */
            responsibleId?: string;
        };
        CaseResponse: {
            id: string;
            /**
             * @description Unique in the municipality; what people say on the phone and what notices carry instead of a name
             * @example BTI-2026-0042
             */
            reference: string;
            municipalityId: string;
            /** @description null for a caller who sees the case anonymised (DESIGN 8.4) */
            unitId: string | null;
            clusterId: string;
            status: string;
            route: string | null;
            level: number;
            anonymous: boolean;
            /** @description With anonymous: the only text the anonymised team reads (DESIGN 8.4) */
            anonymousSummary: string | null;
            /** @description null when anonymised */
            reporterId: string | null;
            /** @description The coordinator (stafettholder); null when none, or anonymised */
            assigneeId: string | null;
            /** @description A handover offered and not yet accepted (DESIGN 8.2); null when anonymised */
            pendingAssigneeId: string | null;
            version: number;
            /** @description The municipality profile version the case follows to its end (routes, reminder durations, self-consent age). */
            profileVersion: number;
            /** @enum {string} */
            view: "full" | "anonymised";
            child: components["schemas"]["ChildView"];
            concern: components["schemas"]["ConcernView"];
            flags: components["schemas"]["CaseFlagsView"];
            /** @description Bokmål guidance, present when the case is flagged (DESIGN 8.1) */
            safetyGuidance?: components["schemas"]["SafetyGuidanceView"];
            /** @description The child's voice from the latest record (DESIGN 8.5); null when none or anonymised */
            childVoice: components["schemas"]["ChildVoiceView"] | null;
            /** Format: date-time */
            childWelfareReportedAt: string | null;
            /**
             * Format: uuid
             * @description Only in the response to report_to_child_welfare: the report document it made (GET /cases/:id/child-welfare-reports/:reportId)
             */
            childWelfareReportId?: string;
            /** @description The events among allowedActions */
            allowedEvents: string[];
            /** @description What the caller may do on this case now (libs/domain permissions.ts): the events by name and the other case actions (`case.assign`, `measure.add`, `log.write`, …) */
            allowedActions: ("start_assessment" | "complete_assessment" | "decide" | "escalate" | "request_evaluation" | "evaluate" | "close" | "reopen" | "report_to_child_welfare" | "raise_safety_concern" | "accept_handover" | "decline_handover" | "propose_transfer" | "accept_transfer" | "reject_transfer" | "step_down" | "guardians_may_be_informed" | "case.assign" | "consent.manage" | "consent.request" | "measure.add" | "measure.evaluate" | "log.write" | "log.correct" | "log.declassify" | "guardians.manage" | "youth_sharing.override" | "report.read" | "iks.accept" | "iks.return" | "iks.end" | "iks.priority" | "iks.order")[];
            /** @description Only in the answer to a command: true when the command took the case out of the caller’s view (this is the case as they last saw it; a GET now answers 404) */
            leftView?: boolean;
            /** @description Only in GET /cases/:id: the open deadlines, soonest first (DESIGN 12.1) */
            deadlines?: components["schemas"]["DeadlineView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CaseListItem: {
            id: string;
            /**
             * @description Unique in the municipality; what people say on the phone and what notices carry instead of a name
             * @example BTI-2026-0042
             */
            reference: string;
            municipalityId: string;
            /** @description null for a caller who sees the case anonymised (DESIGN 8.4) */
            unitId: string | null;
            clusterId: string;
            status: string;
            route: string | null;
            level: number;
            anonymous: boolean;
            /** @description With anonymous: the only text the anonymised team reads (DESIGN 8.4) */
            anonymousSummary: string | null;
            /** @description null when anonymised */
            reporterId: string | null;
            /** @description The coordinator (stafettholder); null when none, or anonymised */
            assigneeId: string | null;
            /** @description A handover offered and not yet accepted (DESIGN 8.2); null when anonymised */
            pendingAssigneeId: string | null;
            version: number;
            /** @description The municipality profile version the case follows to its end (routes, reminder durations, self-consent age). */
            profileVersion: number;
            /** @enum {string} */
            view: "full" | "anonymised";
            child: components["schemas"]["ChildView"];
            concern: components["schemas"]["ConcernView"];
            flags: components["schemas"]["CaseFlagsView"];
            /** @description Bokmål guidance, present when the case is flagged (DESIGN 8.1) */
            safetyGuidance?: components["schemas"]["SafetyGuidanceView"];
            /** @description The child's voice from the latest record (DESIGN 8.5); null when none or anonymised */
            childVoice: components["schemas"]["ChildVoiceView"] | null;
            /** Format: date-time */
            childWelfareReportedAt: string | null;
            /**
             * Format: uuid
             * @description Only in the response to report_to_child_welfare: the report document it made (GET /cases/:id/child-welfare-reports/:reportId)
             */
            childWelfareReportId?: string;
            /** @description The events among allowedActions */
            allowedEvents: string[];
            /** @description What the caller may do on this case now (libs/domain permissions.ts): the events by name and the other case actions (`case.assign`, `measure.add`, `log.write`, …) */
            allowedActions: ("start_assessment" | "complete_assessment" | "decide" | "escalate" | "request_evaluation" | "evaluate" | "close" | "reopen" | "report_to_child_welfare" | "raise_safety_concern" | "accept_handover" | "decline_handover" | "propose_transfer" | "accept_transfer" | "reject_transfer" | "step_down" | "guardians_may_be_informed" | "case.assign" | "consent.manage" | "consent.request" | "measure.add" | "measure.evaluate" | "log.write" | "log.correct" | "log.declassify" | "guardians.manage" | "youth_sharing.override" | "report.read" | "iks.accept" | "iks.return" | "iks.end" | "iks.priority" | "iks.order")[];
            /** @description Only in the answer to a command: true when the command took the case out of the caller’s view (this is the case as they last saw it; a GET now answers 404) */
            leftView?: boolean;
            /** @description Only in GET /cases/:id: the open deadlines, soonest first (DESIGN 12.1) */
            deadlines?: components["schemas"]["DeadlineView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The coordinator's (stafettholder's) name; null when none, or anonymised */
            coordinatorName: string | null;
            /**
             * Format: date-time
             * @description The earliest of the decision deadline (undecided), a measure's evaluation and the report of a flagged case; null when none
             */
            nextDeadline: string | null;
            /** @description Undecided past the decision deadline («over fristen») */
            overdue: boolean;
        };
        CaseListResponse: {
            items: components["schemas"]["CaseListItem"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ReportGuardianDto: {
            name: string;
            /** @example mor */
            relation: string;
            /** @description Har foreldreansvar */
            parentalResponsibility: boolean;
            /** @example +47 912 34 567 */
            phone?: string;
        };
        CaseEventDto: {
            /**
             * @description report_to_child_welfare: your phone number (required by the report)
             * @example +47 912 34 567
             */
            reporterPhone?: string;
            /** @description report_to_child_welfare: your e-mail address (default: the one registered on your user; the report requires one) */
            reporterEmail?: string;
            /** @description report_to_child_welfare: your role, e.g. "Pedagogisk leder" (default: from your role in the unit) */
            reporterRole?: string;
            /** @description report_to_child_welfare: the child's address, when the case has none (or it changed) */
            childAddress?: components["schemas"]["PostalAddressDto"];
            /** @description report_to_child_welfare: whether the child has been told about the report (required by the report) */
            childInformed?: boolean;
            /** @description report_to_child_welfare: why the child was not told */
            reasonChildNotInformed?: string;
            /** @description report_to_child_welfare: the guardians to name, when the case has none recorded (replaces them in the report) */
            guardians?: components["schemas"]["ReportGuardianDto"][];
            /** @description report_to_child_welfare: the unit's postal address, when the unit has none registered */
            unitAddress?: components["schemas"]["PostalAddressDto"];
            /**
             * @description The state-machine event (DESIGN 4, 8). raise_safety_concern {note}: flags the case later (violence/abuse disclosed) and starts the urgent reminder; report_to_child_welfare and raise_safety_concern need an identified view of the case (an anonymised viewer gets 403 FORBIDDEN_ROLE); accept_handover / decline_handover {reason}: only the proposed coordinator (pendingAssigneeId).
             * @enum {string}
             */
            type: "start_assessment" | "complete_assessment" | "decide" | "escalate" | "request_evaluation" | "evaluate" | "close" | "reopen" | "report_to_child_welfare" | "raise_safety_concern" | "accept_handover" | "decline_handover" | "propose_transfer" | "accept_transfer" | "reject_transfer" | "step_down" | "guardians_may_be_informed";
            /** @description complete_assessment */
            summary?: string;
            /** @description complete_assessment, report_to_child_welfare */
            guardiansInformed?: boolean;
            /** @description complete_assessment, when guardians were not informed */
            reasonNotInformed?: string;
            /** @description complete_assessment: whether the child was heard; required for a child of 7 or more (DESIGN 8.5) */
            childHeard?: boolean;
            /** @description complete_assessment (required when heard, from 7), evaluate (optional): the child's own view */
            childView?: string;
            /** @description complete_assessment: why the child was not heard (required when not heard, from 7) */
            reasonChildNotHeard?: string;
            /** @description complete_assessment: how the child's view was weighed (required when heard, from 12) */
            childViewWeight?: string;
            /** @description complete_assessment, evaluate: the guardians' view (optional) */
            guardiansView?: string;
            /**
             * @description decide, escalate, step_down (a lower route than today's), evaluate (outcome escalate)
             * @enum {string}
             */
            route?: "own_unit" | "interdisciplinary_team" | "tfa" | "iks";
            /** @description decide, escalate, propose_transfer, step_down */
            rationale?: string;
            /** @description decide/escalate to interdisciplinary_team without identity */
            anonymous?: boolean;
            /** @description decide, escalate, evaluate (outcome escalate): required with anonymous: true; the only text the anonymised team reads (DESIGN 8.4) */
            anonymousSummary?: string;
            /**
             * Format: uuid
             * @description decide: the coordinator (stafettholder) to take the case when it has none; without one, 422 COORDINATOR_REQUIRED (DESIGN 8.2). accept_transfer: the new coordinator, staff or leader of the receiving unit; omitted: none (starts the `unassigned` reminder)
             */
            assigneeId?: string;
            /** @description close, evaluate (outcome close): on a flagged case without a recorded report to child welfare, the unit leader's reason why no report (at least 20 characters; DESIGN 8.1) */
            justification?: string;
            /**
             * @description evaluate
             * @enum {string}
             */
            outcome?: "continue" | "adjust" | "escalate" | "close";
            /** @description evaluate (required), raise_safety_concern (required: what came to light), close */
            note?: string;
            /** @description close, evaluate (outcome close): one of resolved, no_concern, moved, handed_to_child_welfare, other; reopen, decline_handover, reject_transfer: free text */
            reason?: string;
            /** @description report_to_child_welfare */
            grounds?: string;
            /** @description report_to_child_welfare, when guardians were not informed (required then) */
            reasonGuardiansNotInformed?: string;
            /**
             * @description report_to_child_welfare: how the report is given
             * @enum {string}
             */
            channel?: "digital" | "letter" | "phone" | "barnevernvakt";
            /** @description report_to_child_welfare: child welfare's reference, when known */
            reference?: string;
            /**
             * Format: uuid
             * @description propose_transfer: the receiving unit (GET /units). Needs an active consent naming `receiving_unit`; its leader then sees the case and gets `transfer_offered`.
             */
            toUnitId?: string;
        };
        AssignCaseDto: {
            /**
             * Format: uuid
             * @description The new coordinator (stafettholder; DESIGN 8.2): staff or leader of the case's unit, or from level 2 a team or IKS member whose service an active consent names. On a case without a coordinator it takes effect at once; on a case with one it is a handover offer: the case shows pendingAssigneeId, the person is notified (handover_offered) and takes over with the event accept_handover.
             */
            assigneeId: string;
        };
        LogAuthorView: {
            name: string;
            /** @description Their main role (a unit role first) */
            role: string | null;
            /** @description Where they hold it (unit or cluster) */
            unitName: string | null;
        };
        CaseLogEntryView: {
            id: string;
            /** @example start_assessment */
            type: string;
            /** @description null for a caller who sees the case anonymised */
            actorId: string | null;
            /** @description Who wrote it; null when anonymised or written by the system */
            author: components["schemas"]["LogAuthorView"] | null;
            /** Format: date-time */
            at: string;
            /** @description Bokmål; null for a caller who sees the case anonymised (DESIGN 8.4: only types and dates) */
            text: string | null;
            /**
             * Format: uuid
             * @description A `correction`: the entry it corrects, which never changes (details: GET /cases/:id/log/:entryId)
             */
            correctsEntryId: string | null;
        };
        CaseLogResponse: {
            items: components["schemas"]["CaseLogEntryView"][];
            total: number;
            page: number;
            pageSize: number;
        };
        LogTaskDto: {
            /** @description What is to be done */
            text: string;
            /**
             * Format: uuid
             * @description Who does it: someone who can open the case identified (else 400 naming the field)
             */
            responsibleId: string;
            /**
             * Format: date
             * @description Due date (Europe/Oslo), today or later. A `task_due` reminder reaches the responsible REMINDER_TASK_DUE (default P1D) before it, at once if that has passed.
             */
            dueDate: string;
        };
        CreateLogEntryDto: {
            /**
             * @description note, a conversation with the child or the guardians, or the minutes of a meeting
             * @enum {string}
             */
            type: "note" | "conversation_child" | "conversation_guardians" | "meeting";
            /** @description The note or the minutes (bokmål) */
            text: string;
            /**
             * Format: date-time
             * @description When the conversation or meeting took place (not in the future); default: now
             */
            at?: string;
            /** @description Who took part (names or roles as written) */
            participants?: string[];
            /**
             * @description Withheld from the family (DESIGN 12.4), with the reason; the unit leader may clear it
             * @enum {string}
             */
            confidential?: "child_asked" | "risk_to_child" | "third_party";
            /** @description Tasks agreed (fordeling av arbeidsoppgaver) */
            tasks?: components["schemas"]["LogTaskDto"][];
        };
        LogTaskView: {
            /** Format: uuid */
            id: string;
            text: string;
            /** Format: uuid */
            responsibleId: string;
            /** Format: date */
            dueDate: string;
        };
        LogEntryView: {
            /** Format: uuid */
            id: string;
            /**
             * @description note, conversation_child, conversation_guardians, meeting, `correction`, or a workflow entry (e.g. `decide`)
             * @example meeting
             */
            type: string;
            /** Format: uuid */
            actorId: string | null;
            /**
             * Format: date-time
             * @description When the entry was written
             */
            at: string;
            /**
             * Format: date-time
             * @description When the conversation or meeting took place
             */
            occurredAt: string | null;
            /** @description Bokmål; null for an anonymised view */
            text: string | null;
            participants: string[];
            /** @description Earliest due first */
            tasks: components["schemas"]["LogTaskView"][];
            /**
             * Format: uuid
             * @description A correction: the entry it corrects (which is never changed); null when the case is seen anonymised
             */
            correctsEntryId: string | null;
            /** @description Ids of the corrections of this entry, oldest first; empty when the case is seen anonymised */
            correctedBy: string[];
            /**
             * @description Withheld from the family for this reason; null when shown (or cleared)
             * @enum {string|null}
             */
            confidential: "child_asked" | "risk_to_child" | "third_party" | null;
        };
        CreateCorrectionDto: {
            /** @description The corrected text */
            text: string;
            /** @description Why the entry is corrected */
            reason: string;
        };
        ChildWelfareReportSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /**
             * @description recorded → sent → acknowledged (sending over Fiks is not built yet)
             * @enum {string}
             */
            status: "recorded" | "sent" | "acknowledged";
            /** @enum {string} */
            channel: "digital" | "letter" | "phone" | "barnevernvakt";
            reference: string | null;
            guardiansInformed: boolean;
            /** Format: uuid */
            reportedById: string;
            /** @example no.ks.fiks.bekymringsmelding.offentlig.v2 */
            schema: string;
            /** Format: date-time */
            recordedAt: string;
            /** Format: date-time */
            sentAt: string | null;
            /** Format: date-time */
            acknowledgedAt: string | null;
        };
        ChildWelfareReportListResponse: {
            items: components["schemas"]["ChildWelfareReportSummary"][];
            total: number;
        };
        GivenByView: {
            /** @description null for callers who see the case anonymised */
            name: string | null;
            relation: string;
        };
        ConsentView: {
            id: string;
            caseId: string;
            givenBy: components["schemas"]["GivenByView"];
            recipients: string[];
            /** @enum {string} */
            decision: "given" | "refused";
            /** @description null for callers who see the case anonymised */
            purpose: string | null;
            /**
             * @description `digital`: given by the family in the portal (DESIGN 12.4)
             * @enum {string}
             */
            form: "written" | "oral" | "digital";
            /** @description null for a digital consent (no staff recorded it) */
            recordedById: string | null;
            /** Format: date-time */
            validFrom: string;
            /**
             * Format: date-time
             * @description Exclusive end: the start of the day after the last valid day
             */
            validUntil: string | null;
            /**
             * @description Computed at read time; `refused` for a recorded refusal
             * @enum {string}
             */
            status: "active" | "withdrawn" | "expired" | "pending" | "refused";
            /** Format: date-time */
            withdrawnAt: string | null;
            withdrawalReason: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ConsentListResponse: {
            items: components["schemas"]["ConsentView"][];
            total: number;
            page: number;
            pageSize: number;
        };
        GivenByDto: {
            name: string;
            /**
             * @description A person with parental responsibility, or `child` from the municipality's selfConsentAge (15 or 16); otherwise 400 naming givenBy.relation
             * @enum {string}
             */
            relation: "mother" | "father" | "guardian" | "foster_parent" | "child";
        };
        RecordConsentDto: {
            givenBy: components["schemas"]["GivenByDto"];
            /** @description Services (services.json), not arenas or named employees. Route interdisciplinary_team needs one team service named, and a team member sees the child only when their own service is named; route tfa needs `tfa`, iks needs `iks`. */
            recipients: ("ppt" | "health_station" | "child_welfare" | "family_service" | "nav" | "bup" | "municipal_psychologist" | "child_coordinator" | "culture" | "police" | "slt" | "tfa" | "iks" | "receiving_unit")[];
            purpose: string;
            /**
             * @description Oral consent is valid when recorded with who recorded it (the caller)
             * @enum {string}
             */
            form: "written" | "oral";
            /**
             * Format: date
             * @description First valid day (Europe/Oslo); today when omitted
             */
            validFrom?: string;
            /**
             * Format: date
             * @description Last valid day, inclusive (Europe/Oslo); required when the consent is given
             */
            validUntil?: string;
            /**
             * @description `given` when omitted; `refused` records a refusal: who refused, for which services and when; it grants nothing (DESIGN 8.3)
             * @enum {string}
             */
            decision?: "given" | "refused";
        };
        WithdrawConsentDto: {
            reason: string;
        };
        CaseRouteView: {
            route: string | null;
            level: number;
            version: number;
        };
        ConsentWithdrawalResponse: {
            consent: components["schemas"]["ConsentView"];
            /** @description The case after the withdrawal took effect */
            case: components["schemas"]["CaseRouteView"];
            /** @description True when the withdrawal took the case out of the caller’s view (the receiving unit’s leader stopping a transfer): a GET now answers 404 */
            leftView: boolean;
        };
        NotificationDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "unassigned" | "assessment_due" | "tfa_follow_up" | "evaluation_due" | "evaluation_overdue" | "consent_expiry" | "iks_pending" | "child_welfare_report_missing" | "decision_due" | "task_due" | "consent_withdrawn" | "case_assigned" | "handover_offered" | "iks_referred" | "iks_accepted" | "iks_returned" | "iks_ended" | "iks_competence_order" | "iks_order_acknowledged" | "transfer_offered" | "handover_needed" | "citizen_statement";
            /** Format: uuid */
            caseId: string | null;
            /**
             * @description Which case: its reference (the message begins with it too)
             * @example BTI-2026-0042
             */
            caseReference: string | null;
            /** @description The child's name, in the list only and only while the reader can open the case identified; never in the stored text or an e-mail */
            childName: string | null;
            /** Format: date-time */
            dueAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
            /** @description Bokmål text */
            message: string;
            /** @description true for a missing report to child welfare */
            urgent: boolean;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UnreadCountDto: {
            /** @description Unread notifications of the caller */
            unread: number;
        };
        MarkAllReadDto: {
            /** @description How many were unread and are now read */
            marked: number;
        };
        NotificationSettingsDto: {
            /**
             * @description `immediate` (default): one e-mail per notice. `daily_digest`: one e-mail at 07:30 Europe/Oslo on Norwegian working days listing the notices since the last one. Urgent notices (child welfare report missing) always go at once.
             * @enum {string}
             */
            emailMode: "immediate" | "daily_digest";
            /** @description Where e-mail notices go; null: none are sent (set by the municipality’s user administration) */
            email: string | null;
        };
        UpdateNotificationSettingsDto: {
            /** @enum {string} */
            emailMode: "immediate" | "daily_digest";
        };
        FailedMailDto: {
            /**
             * @description `notice`: one notification; `digest`: a daily digest
             * @enum {string}
             */
            kind: "notice" | "digest";
            /**
             * Format: uuid
             * @description The delivery or digest id; also the job id on the `mail` queue (/admin/queues), where it can be retried
             */
            id: string;
            /**
             * Format: uuid
             * @description The notification (notices only)
             */
            notificationId: string | null;
            /** Format: uuid */
            recipientId: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed" | "skipped";
            attempts: number;
            /** @description The SMTP error of the last attempt, with addresses removed */
            lastError: string | null;
            /** Format: date-time */
            failedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        FailedMailPageDto: {
            items: components["schemas"]["FailedMailDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        UnitRefView: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            /** @example kindergarten */
            kind: string;
        };
        ScoreView: {
            /** @description 0–100 */
            total: number;
            /** @description +40 when violence or sexual abuse is suspected */
            suspectedViolenceOrAbuse: number;
            /** @description +5 per risk factor, at most 30 */
            riskFactors: number;
            /** @description +5 per level tried before the referral, at most 10 */
            level: number;
            /** @description +1 per day waiting, at most 20 */
            waitingTime: number;
            waitingDays: number;
            /**
             * @description The score in words (bokmål)
             * @example Poengsum 55 av 100: mistanke om vold eller overgrep (+40), 3 risikofaktorer (+15)
             */
            explanation: string;
        };
        CompetenceOrderView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            referralId: string;
            /** Format: uuid */
            caseId: string;
            serviceCode: string;
            /** Format: uuid */
            unitLeaderId: string;
            note: string;
            /** Format: uuid */
            orderedById: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            acknowledgedAt: string | null;
            acknowledgementNote: string | null;
        };
        IksReferralView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            unit: components["schemas"]["UnitRefView"];
            /** @enum {string} */
            status: "referred" | "accepted" | "returned" | "ended";
            /**
             * @description Manual priority: 1 akutt, 2 høy, 3 normal, 4 lav. It wins over the score.
             * @enum {number|null}
             */
            priority: 1 | 2 | 3 | 4 | null;
            /** @description null when the case is no longer visible to the caller (e.g. returned) */
            score: components["schemas"]["ScoreView"] | null;
            /** @description The case's version as this view read it (null when the case is not visible): send it as If-Match with a decision, so a change since is refused (412) */
            caseVersion: number | null;
            /**
             * @description The case reference; null when the case is not visible
             * @example BTI-2026-0042
             */
            caseReference: string | null;
            suspectedViolenceOrAbuse: boolean | null;
            riskFactorCount: number | null;
            /** @description Case level before the referral */
            fromLevel: number;
            /** @description Escalated (true) or decided straight to IKS */
            escalation: boolean;
            /** Format: date-time */
            referredAt: string;
            /**
             * Format: uuid
             * @description null when the case is seen anonymised
             */
            referredById: string | null;
            coreGroup: string[];
            /** @description empty when the case is seen anonymised */
            memberIds: string[];
            /** @description Texts (entry plan, exit criteria, return reason, summary) are null when the case is seen anonymised */
            entryPlan: string | null;
            exitCriteria: string | null;
            /** Format: date-time */
            acceptedAt: string | null;
            /** Format: date-time */
            returnedAt: string | null;
            returnReason: string | null;
            /** Format: date-time */
            endedAt: string | null;
            /** @example exit_criteria_met */
            endReason: string | null;
            endSummary: string | null;
            /** @description Only on a single referral */
            orders?: components["schemas"]["CompetenceOrderView"][];
        };
        YearlyRangeView: {
            min: number;
            max: number;
        };
        CapacityView: {
            /** @description Accepted referrals not yet ended */
            activeCases: number;
            /** @description Referrals waiting for an answer */
            pendingReferrals: number;
            /** @description Accepted this calendar year (Europe/Oslo) */
            acceptedThisYear: number;
            /** @description The profile's iksCasesPerYear */
            yearlyRange: components["schemas"]["YearlyRangeView"] | null;
            remainingThisYear: number | null;
            /**
             * @description below the range: available; within: limited; at its top: full
             * @enum {string}
             */
            level: "available" | "limited" | "full" | "unknown";
            /** @description Bokmål */
            message: string;
        };
        IksQueueResponse: {
            items: components["schemas"]["IksReferralView"][];
            total: number;
            page: number;
            pageSize: number;
            capacity: components["schemas"]["CapacityView"];
        };
        SetPriorityDto: {
            /**
             * @description Manual priority: 1 akutt, 2 høy, 3 normal, 4 lav. It wins over the score. null clears it.
             * @enum {number|null}
             */
            priority: 1 | 2 | 3 | 4 | null;
        };
        AcceptReferralDto: {
            /**
             * @description Manual priority: 1 akutt, 2 høy, 3 normal, 4 lav. It wins over the score.
             * @enum {number}
             */
            priority: 1 | 2 | 3 | 4;
            /**
             * @description Service codes from the municipality profile's iksCoreGroup
             * @example [
             *       "slt_coordinator",
             *       "ppt",
             *       "child_welfare"
             *     ]
             */
            coreGroup: string[];
            /** @description Plan for entry: what IKS does first, who meets whom */
            entryPlan: string;
            /** @description Exit criteria: when IKS hands the case back */
            exitCriteria: string;
            /** @description Users (iks_member or iks_coordinator) in the core group: they see this referral in the queue */
            memberIds?: string[];
        };
        ReturnReferralDto: {
            /** @description Why IKS returns the case (written to the case log) */
            reason: string;
        };
        EndReferralDto: {
            /** @description The exit criteria recorded at acceptance are met (must be true) */
            exitCriteriaMet: boolean;
            /** @description How the exit criteria were met; the hand-back to the unit */
            summary: string;
            /**
             * @description Where the case goes back to (DESIGN 8.8): the case leaves route iks, its level steps down to this route's, IKS members lose access. interdisciplinary_team needs an active consent naming the team (422 CONSENT_REQUIRED) or `anonymous: true`. Omitted: own_unit.
             * @enum {string}
             */
            handBackRoute?: "interdisciplinary_team" | "own_unit";
            /** @description With handBackRoute interdisciplinary_team: the team works without the child’s identity */
            anonymous?: boolean;
        };
        CreateOrderDto: {
            /**
             * @description A service code: the profile's iksCoreGroup or a known service (health_station, bup, police, …)
             * @example ppt
             */
            serviceCode: string;
            /**
             * Format: uuid
             * @description The unit leader asked to provide the competence
             */
            unitLeaderId: string;
            note: string;
        };
        CompetenceOrderListResponse: {
            items: components["schemas"]["CompetenceOrderView"][];
            total: number;
        };
        AcknowledgeOrderDto: {
            note?: string;
        };
        CreateMeasureDto: {
            /**
             * @description A code from GET /catalog/measures; either this or `title`
             * @example icdp
             */
            catalogCode?: string;
            /** @description A measure outside the catalog (free text); either this or `catalogCode` */
            title?: string;
            /** @description Free-text measures only: prevention level(s); catalog measures take the catalog’s */
            levels?: ("universal" | "selected" | "indicated")[];
            /** @description What is done, how often, by whom */
            description?: string;
            /**
             * Format: uuid
             * @description The person responsible (notified on the evaluation date)
             */
            responsibleId: string;
            /**
             * Format: date
             * @example 2025-03-01
             */
            startDate: string;
            /**
             * Format: date
             * @description On or after startDate and not in the past; drives the evaluation reminders
             * @example 2025-04-15
             */
            evaluationDate: string;
        };
        MeasureEvaluationView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            outcome: "continue" | "adjust" | "stop";
            /** @description null when the case is seen anonymised */
            note: string | null;
            /** Format: date */
            nextEvaluationDate: string | null;
            /**
             * Format: uuid
             * @description null when the case is seen anonymised
             */
            evaluatedById: string | null;
            /** Format: date-time */
            at: string;
        };
        MeasureView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @description null for a free-text measure */
            catalogCode: string | null;
            /** @description Bokmål name (the catalog’s, or the free text; a free text is null when the case is seen anonymised) */
            title: string | null;
            /** @description Prevention levels */
            levels: ("universal" | "selected" | "indicated")[];
            /** @description null when the case is seen anonymised */
            description: string | null;
            /**
             * Format: uuid
             * @description null when the case is seen anonymised
             */
            responsibleId: string | null;
            /** Format: date */
            startDate: string;
            /**
             * Format: date
             * @description The next evaluation
             */
            evaluationDate: string;
            /** @enum {string} */
            status: "active" | "ended";
            /**
             * Format: uuid
             * @description null when the case is seen anonymised
             */
            createdById: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            endedAt: string | null;
            /** @description Oldest first */
            evaluations: components["schemas"]["MeasureEvaluationView"][];
        };
        MeasureListResponse: {
            items: components["schemas"]["MeasureView"][];
            total: number;
            page: number;
            pageSize: number;
        };
        EvaluateMeasureDto: {
            /**
             * @description continue / adjust keep the measure (with a next evaluation date); stop ends it
             * @enum {string}
             */
            outcome: "continue" | "adjust" | "stop";
            note: string;
            /**
             * Format: date
             * @description Required for continue and adjust (the next evaluation); not allowed with stop
             */
            nextEvaluationDate?: string;
        };
        CellView: {
            /** @description null when suppressed */
            value: number | null;
            /** @description true: the cell is under 5 (or would reveal one that is) and is not shown */
            suppressed: boolean;
        };
        LevelCellsView: {
            0: components["schemas"]["CellView"];
            1: components["schemas"]["CellView"];
            2: components["schemas"]["CellView"];
            3: components["schemas"]["CellView"];
        };
        RouteCellsView: {
            /** @description Not decided yet */
            none: components["schemas"]["CellView"];
            own_unit: components["schemas"]["CellView"];
            interdisciplinary_team: components["schemas"]["CellView"];
            tfa: components["schemas"]["CellView"];
            iks: components["schemas"]["CellView"];
        };
        GroupFiguresView: {
            /** @description Cases whose concern was logged in the period */
            concernsLogged: components["schemas"]["CellView"];
            /** @description Current level */
            casesByLevel: components["schemas"]["LevelCellsView"];
            /** @description Current route */
            casesByRoute: components["schemas"]["RouteCellsView"];
            /** @description Days from the concern to the first routing decision (`decide`); median, one decimal */
            medianDaysToDecision: components["schemas"]["CellView"];
            /** @description Days from the concern to the first measure recorded; median, one decimal */
            medianDaysToFirstMeasure: components["schemas"]["CellView"];
            /** @description Cases with a report to child welfare */
            childWelfareReports: components["schemas"]["CellView"];
            /** @description Share (0–1) of the cases with a report to child welfare */
            childWelfareReportShare: components["schemas"]["CellView"];
            /** @description Cases referred to IKS */
            iksReferred: components["schemas"]["CellView"];
            /** @description Cases IKS accepted */
            iksCases: components["schemas"]["CellView"];
        };
        BreakdownView: {
            /** @description Unit kind, or cluster id */
            key: string;
            /** @description Bokmål */
            label: string;
            figures: components["schemas"]["GroupFiguresView"];
        };
        OverviewResponse: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** Format: uuid */
            clusterId: string | null;
            /** @description Cells under this are suppressed */
            minimumCellSize: number;
            total: components["schemas"]["GroupFiguresView"];
            byUnitKind: components["schemas"]["BreakdownView"][];
            byCluster: components["schemas"]["BreakdownView"][];
        };
        UnitView: {
            id: string;
            code: string;
            name: string;
            /** @enum {string} */
            kind: "health_station" | "kindergarten" | "primary_school" | "lower_secondary_school" | "other";
            clusterId: string;
            address: components["schemas"]["PostalAddressDto"] | null;
            organisationNumber: string | null;
            active: boolean;
        };
        CreateUnitDto: {
            /** @example lia-bhg */
            code: string;
            /** @example Lia barnehage */
            name: string;
            /** @enum {string} */
            kind: "health_station" | "kindergarten" | "primary_school" | "lower_secondary_school" | "other";
            /** Format: uuid */
            clusterId: string;
            address?: components["schemas"]["PostalAddressDto"];
            /**
             * @description Organisasjonsnummer, nine digits
             * @example 974600951
             */
            organisationNumber?: string;
        };
        UpdateUnitDto: {
            name?: string;
            /** @enum {string} */
            kind?: "health_station" | "kindergarten" | "primary_school" | "lower_secondary_school" | "other";
            /** Format: uuid */
            clusterId?: string;
            address?: components["schemas"]["PostalAddressDto"] | null;
            organisationNumber?: string | null;
            /** @description false deactivates the unit (never deleted: its cases keep it) */
            active?: boolean;
        };
        ClusterView: {
            id: string;
            code: string;
            name: string;
            active: boolean;
        };
        CreateClusterDto: {
            /** @example nordbyen */
            code: string;
            /** @example Nordbyen */
            name: string;
        };
        UpdateClusterDto: {
            name?: string;
            /** @description false deactivates (never deletes); refused while the cluster has active units */
            active?: boolean;
        };
        RoleView: {
            /** @enum {string} */
            role: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member" | "auditor" | "analyst" | "admin" | "archivist" | "operator";
            /** @enum {string} */
            scopeType: "unit" | "cluster" | "municipality";
            scopeId: string;
        };
        UserView: {
            id: string;
            username: string;
            displayName: string;
            email: string | null;
            externalSubject: string | null;
            service: string | null;
            active: boolean;
            roles: components["schemas"]["RoleView"][];
        };
        CreateUserDto: {
            /** @example lise.larsen */
            username: string;
            /** @example Lise Larsen */
            displayName: string;
            /** @example lise.larsen@kommune.no */
            email?: string;
            /** @description The identity provider's subject (OIDC_SUBJECT_CLAIM; Entra ID: oid) */
            externalSubject?: string;
            /**
             * @description The service a team, TFA or IKS member works in
             * @enum {string}
             */
            service?: "ppt" | "child_welfare" | "health_station" | "nav" | "culture" | "bup" | "psychologist" | "municipal_psychologist" | "child_coordinator" | "police" | "slt_coordinator" | "school_doctor" | "family_house";
        };
        UpdateUserDto: {
            displayName?: string;
            email?: string | null;
            externalSubject?: string | null;
            /** @enum {string|null} */
            service?: "ppt" | "child_welfare" | "health_station" | "nav" | "culture" | "bup" | "psychologist" | "municipal_psychologist" | "child_coordinator" | "police" | "slt_coordinator" | "school_doctor" | "family_house" | null;
            /** @description false deactivates: refused on the next request; their unit leaders are told what to hand over */
            active?: boolean;
        };
        RoleAssignmentDto: {
            /** @enum {string} */
            role: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member" | "auditor" | "analyst" | "admin" | "archivist" | "operator";
            /** @enum {string} */
            scopeType: "unit" | "cluster" | "municipality";
            /**
             * Format: uuid
             * @description The unit, cluster or municipality
             */
            scopeId: string;
            /**
             * @description Sets the user's service (team, TFA and IKS members)
             * @enum {string}
             */
            service?: "ppt" | "child_welfare" | "health_station" | "nav" | "culture" | "bup" | "psychologist" | "municipal_psychologist" | "child_coordinator" | "police" | "slt_coordinator" | "school_doctor" | "family_house";
        };
        RemoveRoleDto: {
            /** @enum {string} */
            role: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member" | "auditor" | "analyst" | "admin" | "archivist" | "operator";
            /** @enum {string} */
            scopeType: "unit" | "cluster" | "municipality";
            /** Format: uuid */
            scopeId: string;
        };
        ResponsibilityView: {
            /** @enum {string} */
            kind: "case" | "task" | "measure";
            id: string;
            caseId: string;
            unitId: string;
        };
        ResponsibilitiesView: {
            userId: string;
            /** @description Open cases held as stafettholder, their tasks and active measures (ids only) */
            items: components["schemas"]["ResponsibilityView"][];
        };
        ProfileVersionView: {
            version: number;
            document: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            publishedAt: string | null;
            publishedBy: string | null;
        };
        ProfileVersionSummary: {
            version: number;
            /** Format: date-time */
            publishedAt: string | null;
        };
        ProfileView: {
            /** @description The latest published version: what new cases take */
            published: components["schemas"]["ProfileVersionView"] | null;
            /** @description The draft being edited, if any */
            draft: components["schemas"]["ProfileVersionView"] | null;
            /** @description Every version, newest first */
            versions: components["schemas"]["ProfileVersionSummary"][];
        };
        ProfileDraftDto: {
            /** @description The whole profile (libs/reference-data/municipality-profile.schema.json); 422 lists every violation as {pointer, message} */
            document: {
                [key: string]: unknown;
            };
        };
        PublishedView: {
            version: number;
        };
        ScimTokenCreated: {
            id: string;
            /** @description Shown this once; only its SHA-256 is stored */
            token: string;
        };
        ScimTokenView: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            revokedAt: string | null;
        };
        ScimGroupView: {
            id: string;
            displayName: string;
            role: string | null;
            scopeType: string | null;
            scopeId: string | null;
            members: number;
        };
        ScimGroupMappingDto: {
            /** @enum {string} */
            role: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member" | "auditor" | "analyst" | "admin" | "archivist" | "operator";
            /** @enum {string} */
            scopeType: "unit" | "cluster" | "municipality";
            /**
             * Format: uuid
             * @description The unit, cluster or municipality
             */
            scopeId: string;
            /**
             * @description Sets the user's service (team, TFA and IKS members)
             * @enum {string}
             */
            service?: "ppt" | "child_welfare" | "health_station" | "nav" | "culture" | "bup" | "psychologist" | "municipal_psychologist" | "child_coordinator" | "police" | "slt_coordinator" | "school_doctor" | "family_house";
            /**
             * @description The group's displayName at the identity provider
             * @example BTI Solsiden ansatte
             */
            displayName: string;
        };
        UserImportDto: {
            /**
             * @description CSV with a header row: username, displayName, email, externalSubject, service, role, scopeType, scopeCode (comma or semicolon). A row creates or updates the user by username and grants the role; scopeCode is the unit's or cluster's code (empty for the municipality).
             * @example username;displayName;email;role;scopeType;scopeCode
             *     lise.larsen;Lise Larsen;lise@kommune.no;staff;unit;solsiden-bhg
             */
            csv: string;
            /**
             * @description Report what would happen and change nothing (the default: always try first)
             * @default true
             */
            dryRun: boolean;
        };
        ImportRowResult: {
            /** @description Line in the file (the header is line 1) */
            line: number;
            username: string | null;
            /** @enum {string} */
            result: "created" | "updated" | "unchanged" | "error";
            /** @description The row’s bad fields, when result is error */
            errors: string[];
        };
        ImportReport: {
            dryRun: boolean;
            rows: components["schemas"]["ImportRowResult"][];
        };
        AgendaItem: {
            /**
             * @description task: a log task I am responsible for; evaluation: a measure I am responsible for; decision: the decision deadline of a case I coordinate; handover: a handover waiting for my answer; transfer: a transfer offered to my unit (leader); report: a flagged case of my unit without a report to child welfare (leader)
             * @enum {string}
             */
            kind: "task" | "evaluation" | "decision" | "handover" | "transfer" | "report";
            /** Format: uuid */
            caseId: string;
            /** @example BTI-2026-0042 */
            reference: string;
            /**
             * Format: date-time
             * @description When it is due; for a handover or transfer, when it was offered (it waits for an answer now)
             */
            dueAt: string;
            overdue: boolean;
            /**
             * Format: uuid
             * @description The task or measure
             */
            subjectId?: string;
            /**
             * @description Where the web UI opens it
             * @example /saker/6f1c…
             */
            link: string;
        };
        AgendaResponse: {
            /** @description Earliest first */
            items: components["schemas"]["AgendaItem"][];
            /**
             * Format: date-time
             * @description The end of the window
             */
            until: string;
        };
        GuardianListResponse: {
            items: components["schemas"]["GuardianView"][];
        };
        CreateGuardianDto: {
            /** @description Fødselsnummer or D-nummer (11 digits) */
            nationalId: string;
            name: string;
            /**
             * @description As child.guardians takes it (mor, far, verge, …)
             * @example mor
             */
            relation: string;
            /** @description Har foreldreansvar */
            parentalResponsibility: boolean;
            contact?: string;
            /** @enum {string} */
            verification: "stated_by_staff" | "document_seen";
            /** @description The guardian's e-mail for notices (the kind of notice only, DESIGN 12.8.11) */
            email?: string;
        };
        UpdateGuardianDto: {
            /** @description Fødselsnummer or D-nummer (11 digits) */
            nationalId: string;
            /** @enum {string} */
            verification: "stated_by_staff" | "document_seen";
            name?: string;
            relation?: string;
            parentalResponsibility?: boolean;
            contact?: string;
            /** @description The guardian's e-mail for notices (the kind of notice only, DESIGN 12.8.11) */
            email?: string;
        };
        YouthSharingOverrideDto: {
            /** @description Whether the guardians see what was written from the youth's selfConsentAge */
            shareWithGuardians: boolean;
            /** @description Why the guardians need it to exercise their parental responsibility (or why not) */
            reason: string;
        };
        YouthSharingOverrideView: {
            shareWithGuardians: boolean;
            /** @enum {string} */
            decidedBy: "unit_leader";
            reason: string;
            /** Format: date-time */
            at: string;
        };
        CreateConsentRequestDto: {
            /** @description Service codes (services.json) */
            services: string[];
            purpose: string;
            /**
             * Format: date
             * @description Last day the consent holds (inclusive)
             */
            validUntil: string;
        };
        ConsentRequestView: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            services: string[];
            purpose: string;
            /** Format: date-time */
            validUntil: string;
            /** @enum {string} */
            status: "waiting" | "in_effect" | "refused";
            /** @enum {string} */
            requires: "all_with_responsibility" | "one";
            /** @description From selfConsentAge the youth answers, not the guardians */
            askYouth: boolean;
            /** Format: uuid */
            consentId: string | null;
        };
        CitizenCaseRef: {
            /** Format: uuid */
            caseId: string;
            /** @description BTI-<year>-<n> */
            reference: string | null;
            status: string;
            /** @description The status in plain words (bokmål) */
            statusText: string;
        };
        CitizenChild: {
            /** Format: uuid */
            childId: string;
            firstName: string;
            /**
             * @description How the caller is linked: as a guardian, or as the child themself
             * @enum {string}
             */
            relation: "guardian" | "youth";
            cases: components["schemas"]["CitizenCaseRef"][];
        };
        CitizenChildrenResponse: {
            items: components["schemas"]["CitizenChild"][];
        };
        CitizenSharing: {
            /**
             * Format: date
             * @description The youth's selfConsentAge birthday: guardians do not see what is written from this day unless the youth shares
             */
            decidesFrom: string;
            /** @description The latest choice; false when none was made */
            shareWithGuardians: boolean;
            /** Format: date-time */
            decidedAt: string | null;
            /**
             * @description The youth, or a unit leader overriding with a recorded reason
             * @enum {string|null}
             */
            decidedBy: "youth" | "unit_leader" | null;
        };
        CitizenPerson: {
            name: string;
            unitName: string | null;
        };
        CitizenMeasure: {
            title: string;
            status: string;
            /** Format: date */
            startDate: string;
            /** Format: date */
            evaluationDate: string;
            /** @description Outcomes of its evaluations, oldest first */
            evaluations: string[];
        };
        CitizenConsent: {
            /** Format: uuid */
            id: string;
            services: string[];
            decision: string;
            form: string;
            /** Format: date-time */
            validUntil: string | null;
            /** Format: date-time */
            withdrawnAt: string | null;
        };
        CitizenDeadline: {
            /** @example consent_answer */
            kind: string;
            /** Format: date-time */
            dueAt: string;
        };
        CitizenCaseResponse: {
            /** Format: uuid */
            caseId: string;
            /**
             * @description How the caller is linked to the case
             * @enum {string}
             */
            relation: "guardian" | "youth";
            /** @description The youth's sharing choice (12.8.7); null for a guardian */
            sharing: components["schemas"]["CitizenSharing"] | null;
            reference: string | null;
            firstName: string;
            status: string;
            statusText: string;
            level: number;
            route: string | null;
            routeText: string | null;
            /** @description The unit that has the case */
            unitName: string;
            /** @description Stafettholder */
            coordinator: components["schemas"]["CitizenPerson"] | null;
            measures: components["schemas"]["CitizenMeasure"][];
            consents: components["schemas"]["CitizenConsent"][];
            deadlines: components["schemas"]["CitizenDeadline"][];
        };
        CitizenLogItem: {
            /** Format: uuid */
            id: string;
            type: string;
            /** Format: date-time */
            at: string;
            text: string;
            /** @description Who wrote it: a name, «du», or «foresatt»/«ungdom» for another citizen */
            author: string;
        };
        CitizenLogResponse: {
            items: components["schemas"]["CitizenLogItem"][];
        };
        CitizenAccessItem: {
            /** Format: date-time */
            at: string;
            /** @description «du» for the caller's own reads */
            name: string;
            role: string | null;
            unitName: string | null;
            /** @enum {string} */
            kind: "read" | "change";
        };
        CitizenAccessLogResponse: {
            items: components["schemas"]["CitizenAccessItem"][];
        };
        CitizenStatementDto: {
            text: string;
        };
        YouthSharingDto: {
            /** @description Whether the guardians may see what is written from your selfConsentAge */
            shareWithGuardians: boolean;
        };
        YouthSharingView: {
            shareWithGuardians: boolean;
            /** Format: date-time */
            at: string;
        };
        CitizenConsentRequest: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            services: string[];
            purpose: string;
            /** Format: date-time */
            validUntil: string;
            /** @enum {string} */
            status: "waiting" | "in_effect" | "refused";
            /** Format: uuid */
            consentId?: string;
            /**
             * @description The caller's own answer
             * @enum {string|null}
             */
            myAnswer: "given" | "refused" | null;
        };
        CitizenConsentRequestList: {
            items: components["schemas"]["CitizenConsentRequest"][];
        };
        ConsentAnswerDto: {
            /** @enum {string} */
            answer: "given" | "refused";
        };
        CitizenWithdrawalDto: {
            reason?: string;
        };
        CitizenWithdrawalView: {
            /** Format: uuid */
            consentId: string;
            /** Format: date-time */
            withdrawnAt: string;
        };
        StartExtractionDto: {
            /**
             * Format: date
             * @example 2026-01-01
             */
            from: string;
            /**
             * Format: date
             * @example 2026-12-31
             */
            to: string;
        };
        ExtractionCreated: {
            /** Format: uuid */
            id: string;
        };
        ExtractionView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "running" | "done" | "failed";
            /** @description Cases in the package (null while running). */
            cases: number | null;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: date-time */
            depositedAt: string | null;
            depositReference: string | null;
        };
        DepositDto: {
            /** @example IKA-2026/123 */
            reference: string;
        };
        DeletionReportRow: {
            /** Format: uuid */
            id: string;
            /** @description The job run that deleted (job:<id>). */
            jobRun: string;
            /** @enum {string} */
            rule: "archived_and_deposited" | "disposal_basis";
            cases: number;
            /** Format: date-time */
            ranAt: string;
        };
        DeletionReport: {
            items: components["schemas"]["DeletionReportRow"][];
            /** @description Cases deleted in all runs listed. */
            totalCases?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    AuthConfigController_authConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthConfigDto"];
                };
            };
        };
    };
    DevLoginController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
        };
    };
    DevCitizenLoginController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DevCitizenLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenAccessTokenDto"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"][];
                };
            };
        };
    };
    PeopleController_list: {
        parameters: {
            query?: {
                /** @description People with a role in this unit */
                unitId?: string;
                /** @description People of this service (services.json code) */
                service?: string;
                role?: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member";
                /** @description Start of a first or last name, any case (æøå included) */
                q?: string;
                /** @description Only these people (ids a case names), at most 50 */
                ids?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeopleResponse"];
                };
            };
        };
    };
    CatalogController_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogItemDto"][];
                };
            };
        };
    };
    CatalogController_riskFactors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogItemDto"][];
                };
            };
        };
    };
    CatalogController_protectiveFactors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogItemDto"][];
                };
            };
        };
    };
    CatalogController_measures: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogItemDto"][];
                };
            };
        };
    };
    CatalogController_caseEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFormView"][];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                caseId?: string;
                actorId?: string;
                from?: string;
                to?: string;
                page?: number;
                pageSize?: number;
                /** @description The next page after the one that returned this value as `nextCursor` (keyset paging: as fast at any depth). Opaque; with the same filters as that request. When given, `page` is ignored. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditListResponse"];
                };
            };
        };
    };
    AuditController_actors: {
        parameters: {
            query?: {
                /** @description The start of a word of the name, or of the username */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditActorsResponse"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description Chain position to continue after (nextAfterSeq of the previous page). */
                afterSeq?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainView"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                status?: "discovered" | "assessing" | "deciding" | "acting" | "evaluating" | "closed";
                route?: "own_unit" | "interdisciplinary_team" | "tfa" | "iks";
                unitId?: string;
                assigneeId?: string;
                /** @description Open cases past their decision deadline (twice REMINDER_ASSESSMENT_DUE, 14 days by default) that are not yet decided */
                overdue?: boolean;
                /** @description Search: the start of the child's first or last name (every word), a birth date (dd.mm.yyyy or yyyy-mm-dd), a national id (11 digits, exact) or a case reference (BTI-2026-0042). Identity never matches a case the caller sees anonymised. */
                q?: string;
                /** @description created: newest first; activity: last changed first; deadline: next deadline first; priority: over the decision deadline first, then without a coordinator, then newest */
                sort?: "created" | "activity" | "deadline" | "priority";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListResponse"];
                };
            };
        };
    };
    CasesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key + same body → the same case */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The case version */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasesController_event: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from ETag, e.g. "3" */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseEventDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasesController_assign: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from ETag, e.g. "3" */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasesController_caseLog: {
        parameters: {
            query?: {
                pageSize?: unknown;
                page?: unknown;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseLogResponse"];
                };
            };
        };
    };
    CaseLogController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLogEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntryView"];
                };
            };
        };
    };
    CaseLogController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntryView"];
                };
            };
        };
    };
    CaseLogController_declassify: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntryView"];
                };
            };
        };
    };
    CaseLogController_correct: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCorrectionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogEntryView"];
                };
            };
        };
    };
    ChildWelfareReportsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildWelfareReportListResponse"];
                };
            };
        };
    };
    ChildWelfareReportsController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        kommunenummer: string;
                        kommunenavn: string;
                        bydelsnummer: string;
                        bydelsnavn: string;
                        offentligMelder: {
                            personnavn: string;
                            rolle: string;
                            telefonnummer: string;
                            epost: string;
                            virksomhet: {
                                navn: string;
                                orgnr?: string;
                                /** Adresse */
                                adresse: {
                                    adresselinje1: string;
                                    adresselinje2?: string;
                                    adresselinje3?: string;
                                    postnummer?: string;
                                    poststed?: string;
                                };
                            };
                        };
                        offentligBarn: {
                            fnr: string;
                            ufoedt: boolean;
                            personnavn: string;
                            telefonnummer?: string;
                            /** Adresse */
                            adresse: {
                                adresselinje1: string;
                                adresselinje2?: string;
                                adresselinje3?: string;
                                postnummer?: string;
                                poststed?: string;
                            };
                            orientert: boolean;
                            orientertGrunn?: string;
                        }[];
                        foresatte: {
                            personnavn: string;
                            telefonnummer?: string;
                            orientert: boolean;
                            orientertGrunn?: string;
                        }[];
                        behovForTolk?: string;
                        andreHjelpeinstanser?: string;
                        melding: {
                            melding: string;
                            historie: string;
                            andreSynspunkter?: string;
                        };
                        /** Format: date-time */
                        sendingstidspunkt: string;
                        leveringskanal: string;
                    };
                };
            };
        };
    };
    ChildWelfareReportsController_printable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                reportId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    ConsentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentListResponse"];
                };
            };
        };
    };
    ConsentsController_record: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordConsentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentView"];
                };
            };
        };
    };
    ConsentsController_withdraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description The case version; checked when sent (412 when stale). The one case write where it is optional: a guardian's withdrawal acts at once. */
                "If-Match"?: string;
            };
            path: {
                id: string;
                consentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawConsentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The case version after the withdrawal */
                    ETag?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentWithdrawalResponse"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description true: only unread; false: only read; omitted: all */
                unread?: boolean;
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
        };
    };
    NotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description Not the caller’s notification, or no such notification */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkAllReadDto"];
                };
            };
        };
    };
    NotificationSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsDto"];
                };
            };
        };
    };
    NotificationSettingsController_put: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsDto"];
                };
            };
        };
    };
    FailedMailController_failed: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedMailPageDto"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IksController_queue: {
        parameters: {
            query?: {
                /** @description Without it: the open ones (referred and accepted) */
                status?: "referred" | "accepted" | "returned" | "ended";
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksQueueResponse"];
                };
            };
        };
    };
    IksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksReferralView"];
                };
            };
        };
    };
    IksController_forCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksReferralView"][];
                };
            };
        };
    };
    IksController_setPriority: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPriorityDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksReferralView"];
                };
            };
        };
    };
    IksController_accept: {
        parameters: {
            query?: never;
            header: {
                /** @description The version of the referral's case (its ETag from GET /cases/{id}). The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptReferralDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksReferralView"];
                };
            };
        };
    };
    IksController_returnReferral: {
        parameters: {
            query?: never;
            header: {
                /** @description The version of the referral's case (its ETag from GET /cases/{id}). The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnReferralDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksReferralView"];
                };
            };
        };
    };
    IksController_end: {
        parameters: {
            query?: never;
            header: {
                /** @description The version of the referral's case (its ETag from GET /cases/{id}). The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndReferralDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IksReferralView"];
                };
            };
        };
    };
    IksController_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrderDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetenceOrderView"];
                };
            };
        };
    };
    IksController_orders: {
        parameters: {
            query?: {
                /** @description true: only orders not yet acknowledged */
                open?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetenceOrderListResponse"];
                };
            };
        };
    };
    IksController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeOrderDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompetenceOrderView"];
                };
            };
        };
    };
    MeasuresController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureListResponse"];
                };
            };
        };
    };
    MeasuresController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMeasureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureView"];
                };
            };
        };
    };
    MeasuresController_evaluate: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
                measureId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvaluateMeasureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasureView"];
                };
            };
        };
    };
    StatsController_overview: {
        parameters: {
            query?: {
                /** @description First day (Europe/Oslo); default 1 January this year */
                from?: string;
                /** @description Last day, inclusive (Europe/Oslo); default today */
                to?: string;
                /** @description Only cases of units in this cluster */
                clusterId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewResponse"];
                };
            };
        };
    };
    OrganisationAdminController_listUnits: {
        parameters: {
            query?: {
                /** @description Only active (true) or only deactivated (false); both when absent */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"][];
                };
            };
        };
    };
    OrganisationAdminController_createUnit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    OrganisationAdminController_updateUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitView"];
                };
            };
        };
    };
    OrganisationAdminController_listClusters: {
        parameters: {
            query?: {
                /** @description Only active (true) or only deactivated (false); both when absent */
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterView"][];
                };
            };
        };
    };
    OrganisationAdminController_createCluster: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClusterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterView"];
                };
            };
        };
    };
    OrganisationAdminController_updateCluster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateClusterDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClusterView"];
                };
            };
        };
    };
    PeopleAdminController_list: {
        parameters: {
            query?: {
                /** @description Part of the username, name or e-mail */
                q?: string;
                role?: "staff" | "unit_leader" | "team_member" | "tfa_coordinator" | "iks_coordinator" | "iks_member" | "auditor" | "analyst" | "admin" | "archivist" | "operator";
                /** @description Users with a role scoped to this unit */
                unitId?: string;
                active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description At most 500, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"][];
                };
            };
        };
    };
    PeopleAdminController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    PeopleAdminController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    PeopleAdminController_grantRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleAssignmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserView"];
                };
            };
        };
    };
    PeopleAdminController_revokeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveRoleDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PeopleAdminController_responsibilities: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsibilitiesView"];
                };
            };
        };
    };
    ProfileAdminController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileView"];
                };
            };
        };
    };
    ProfileAdminController_saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileDraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileVersionView"];
                };
            };
            /** @description The document breaks the schema: `errors: [{pointer, message}]`, every one */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProfileAdminController_saveVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileDraftDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileVersionView"];
                };
            };
            /** @description A published version never changes */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProfileAdminController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedView"];
                };
            };
            /** @description No draft to publish */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScimTokensController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimTokenView"][];
                };
            };
        };
    };
    ScimTokensController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimTokenCreated"];
                };
            };
        };
    };
    ScimTokensController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScimGroupsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimGroupView"][];
                };
            };
        };
    };
    ScimGroupsController_map: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScimGroupMappingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScimGroupView"];
                };
            };
        };
    };
    UserImportController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserImportDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportReport"];
                };
            };
        };
    };
    AgendaController_get: {
        parameters: {
            query?: {
                /** @description What falls due within this many days from now (and everything overdue) */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaResponse"];
                };
            };
        };
    };
    GuardiansController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianListResponse"];
                };
            };
        };
    };
    GuardiansController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGuardianDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianView"];
                };
            };
        };
    };
    GuardiansController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
                guardianId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGuardianDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianView"];
                };
            };
        };
    };
    YouthSharingOverrideController_override: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["YouthSharingOverrideDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YouthSharingOverrideView"];
                };
            };
        };
    };
    ConsentRequestsController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description The case version from its ETag, e.g. "3". Missing → 428 PRECONDITION_REQUIRED, stale → 412 VERSION_MISMATCH; the response carries the new ETag. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateConsentRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description The case's version after the change */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRequestView"];
                };
            };
        };
    };
    CitizenController_children: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenChildrenResponse"];
                };
            };
        };
    };
    CitizenController_case: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenCaseResponse"];
                };
            };
        };
    };
    CitizenController_log: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenLogResponse"];
                };
            };
        };
    };
    CitizenController_accessLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenAccessLogResponse"];
                };
            };
        };
    };
    CitizenController_statement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CitizenStatementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenLogItem"];
                };
            };
        };
    };
    CitizenController_sharing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["YouthSharingDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YouthSharingView"];
                };
            };
        };
    };
    CitizenController_consentRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenConsentRequestList"];
                };
            };
        };
    };
    CitizenController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentAnswerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenConsentRequest"];
                };
            };
        };
    };
    CitizenController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                consentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CitizenWithdrawalDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CitizenWithdrawalView"];
                };
            };
        };
    };
    CitizenSessionController_login: {
        parameters: {
            query?: {
                /** @description A path under /innbygger to land on after the login */
                returnTo?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to ID-porten's authorization endpoint */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CitizenSessionController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session cookies set; redirect to /innbygger (or the returnTo of the login) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CitizenSessionController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description bti_citizen and bti_citizen_csrf cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArchiveController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartExtractionDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtractionCreated"];
                };
            };
        };
    };
    ArchiveController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtractionView"];
                };
            };
        };
    };
    ArchiveController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ArchiveController_deposited: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepositDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtractionView"];
                };
            };
        };
    };
    ArchiveController_deletions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletionReport"];
                };
            };
        };
    };
}

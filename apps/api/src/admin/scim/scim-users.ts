import SCIMMY from 'scimmy';
import { QueryFailedError } from 'typeorm';
import { AppUser } from '@app/persistence';
import { changeDetail, USER_FIELDS, USER_PERSONAL } from '../admin-change.js';
import { noticeHandoverToLeaders } from '../people/handover-notice.js';
import { inScimTransaction, type ScimContext } from './scim-context.js';

/** A user as SCIM (RFC 7643 §4.1) shows it: userName is our username, externalId the identity provider's subject. */
export function scimUser(u: AppUser) {
  return {
    id: u.id,
    userName: u.username,
    ...(u.externalSubject ? { externalId: u.externalSubject } : {}),
    displayName: u.displayName,
    name: { formatted: u.displayName },
    emails: u.email ? [{ value: u.email, type: 'work', primary: true }] : [],
    active: u.active,
  };
}

interface ScimUserIn {
  userName?: string;
  externalId?: string;
  displayName?: string;
  name?: { formatted?: string; givenName?: string; familyName?: string };
  emails?: { value?: string; primary?: boolean }[];
  active?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]*$/;

/** Users of the token's municipality: created and changed, deactivated by `active: false` or DELETE, never deleted. */
export const scimUsers = {
  async egress(resource: SCIMMY.Types.Resource, ctx: ScimContext) {
    return inScimTransaction(ctx, async (em) => {
      const users = await em.find(AppUser, { where: { municipalityId: ctx.caller.municipalityId, ...(resource.id ? { id: resource.id } : {}) }, order: { username: 'ASC' } });
      if (resource.id && !users.length) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      const shown = users.map(scimUser);
      return resource.filter && !resource.id ? resource.filter.match(shown) : shown;
    });
  },

  async ingress(resource: SCIMMY.Types.Resource, instance: ScimUserIn, ctx: ScimContext) {
    return inScimTransaction(ctx, async (em, principal, audit) => {
      const fields = fromScim(instance);
      if (!resource.id) {
        const created = { ...fields, externalSubject: fields.externalSubject ?? null, active: fields.active ?? true };
        const user = await uniquely(() => em.save(AppUser, em.create(AppUser, { ...created, municipalityId: ctx.caller.municipalityId, service: null })));
        await audit.recordChange(em, principal, 'admin.user.create', changeDetail({ type: 'user', id: user.id }, null, user, USER_FIELDS, USER_PERSONAL));
        return scimUser(user);
      }
      const before = await em.findOne(AppUser, { where: { id: resource.id, municipalityId: ctx.caller.municipalityId }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      // A replacement that leaves out `externalId` or `active` keeps them: clearing the subject would
      // lock the user out of their login, and a missing `active` must not bring a deactivated user back.
      const after: AppUser = { ...before, ...fields, externalSubject: fields.externalSubject ?? before.externalSubject, active: fields.active ?? before.active };
      await uniquely(() => em.update(AppUser, { id: before.id }, { username: after.username, displayName: after.displayName, email: after.email, externalSubject: after.externalSubject, active: after.active }));
      await audit.recordChange(em, principal, 'admin.user.update', changeDetail({ type: 'user', id: before.id }, before, after, USER_FIELDS, USER_PERSONAL));
      if (before.active && !after.active) await noticeHandoverToLeaders(em, ctx.caller.municipalityId, after);
      return scimUser(after);
    });
  },

  async degress(resource: SCIMMY.Types.Resource, ctx: ScimContext) {
    await inScimTransaction(ctx, async (em, principal, audit) => {
      const before = await em.findOneBy(AppUser, { id: resource.id, municipalityId: ctx.caller.municipalityId });
      if (!before) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
      if (!before.active) return;
      await em.update(AppUser, { id: before.id }, { active: false });
      await audit.recordChange(em, principal, 'admin.user.update', changeDetail({ type: 'user', id: before.id }, before, { ...before, active: false }, USER_FIELDS, USER_PERSONAL));
      await noticeHandoverToLeaders(em, ctx.caller.municipalityId, before);
    });
  },
};

/** The user's fields from a SCIM resource; `externalSubject` and `active` are undefined when the resource leaves them out. */
function fromScim(instance: ScimUserIn): Pick<AppUser, 'username' | 'displayName' | 'email'> & { externalSubject?: string; active?: boolean } {
  const username = instance.userName?.trim().toLowerCase() ?? '';
  if (!USERNAME.test(username) || username.length > 100) throw new SCIMMY.Types.Error(400, 'invalidValue', 'userName må være små bokstaver, tall, punktum, @, _ og bindestrek (høyst 100 tegn)');
  const name = instance.displayName ?? instance.name?.formatted ?? [instance.name?.givenName, instance.name?.familyName].filter(Boolean).join(' ');
  const email = (instance.emails ?? []).find((e) => e.primary)?.value ?? instance.emails?.[0]?.value ?? null;
  return {
    username,
    displayName: (name || username).slice(0, 200),
    email: email ? email.slice(0, 320) : null,
    externalSubject: instance.externalId?.slice(0, 200),
    active: instance.active,
  };
}

/** A userName or externalId another user has: SCIM's 409 `uniqueness`. */
async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '23505') {
      throw new SCIMMY.Types.Error(409, 'uniqueness', 'userName eller externalId er i bruk av en annen bruker');
    }
    throw error;
  }
}


const KEY = 'bti.accessToken';

/** The access token lives in sessionStorage: one tab, gone when the tab closes. */
export const sessionToken = (): string | null => sessionStorage.getItem(KEY);
export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);
export const clearToken = (): void => sessionStorage.removeItem(KEY);

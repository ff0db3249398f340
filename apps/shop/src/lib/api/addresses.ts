// The signed-in shopper's saved delivery addresses (the API's address book). Server only.
import { gqlRequest } from './client';
import { isSignedIn } from './session';

export interface SavedAddress {
  id: string;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string | null;
  isDefault: boolean;
}

export const ADDRESS_FIELDS = 'id name phone province city district street postalCode isDefault';

/** The shopper's addresses, the default first (as the API lists them); empty for a guest or when the API cannot answer. */
export async function myAddresses(): Promise<SavedAddress[]> {
  if (!(await isSignedIn())) return [];
  const { data } = await gqlRequest<{ myAddresses: SavedAddress[] }>(`query MyAddresses { myAddresses { ${ADDRESS_FIELDS} } }`);
  return data?.myAddresses ?? [];
}

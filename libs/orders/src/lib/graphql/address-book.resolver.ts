import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Roles, type Actor } from '@vitrine/shared/graphql';
import { AddressBookService } from '../application/address-book.service';
import type { SavedAddressRow } from '../infrastructure/shopper-address.repository';
import { SaveAddressInput, SavedAddressType } from './address-book.types';

/** The signed-in shopper's address book (issue 17). Another shopper's address is NOT_FOUND. */
@Roles('SHOPPER')
@Resolver(() => SavedAddressType)
export class AddressBookResolver {
  constructor(private readonly book: AddressBookService) {}

  @Query(() => [SavedAddressType], { description: 'Your saved delivery addresses (at most 20), the default first, then the most recently saved.' })
  async myAddresses(@CurrentActor() actor: Actor): Promise<SavedAddressType[]> {
    return (await this.book.list(actor)).map(toSavedAddress);
  }

  @Mutation(() => SavedAddressType, {
    description:
      'Adds a delivery address (no id) or updates one of yours (id). Refusals, nothing written: VALIDATION_FAILED with the fields (checkout’s rules: name, mainland mobile number, province, city, district, street, a 6-digit postcode or none), ' +
      'ADDRESS_LIMIT_REACHED when adding to 20 saved (extensions.max), NOT_FOUND for an id that is not one of your addresses.',
  })
  async saveAddress(@CurrentActor() actor: Actor, @Args('input') input: SaveAddressInput): Promise<SavedAddressType> {
    return toSavedAddress(await this.book.save(actor, input));
  }

  @Mutation(() => SavedAddressType, { description: 'Makes one of your addresses the default (the previous default no longer is). NOT_FOUND for an address not yours.' })
  async setDefaultAddress(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<SavedAddressType> {
    return toSavedAddress(await this.book.setDefault(actor, id));
  }

  @Mutation(() => ID, { description: 'Deletes one of your addresses and answers its id; deleting the default makes the most recently saved one the default. NOT_FOUND for an address not yours.' })
  deleteAddress(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<string> {
    return this.book.delete(actor, id);
  }
}

function toSavedAddress(r: SavedAddressRow): SavedAddressType {
  return { id: r.id, name: r.name, phone: r.phone, province: r.province, city: r.city, district: r.district, street: r.street, postalCode: r.postalCode, isDefault: r.isDefault, updatedAt: r.updatedAt };
}

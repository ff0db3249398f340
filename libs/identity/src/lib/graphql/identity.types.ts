import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Paginated } from '@vitrine/shared/graphql';

export enum RoleGql {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  MUSEUM_MANAGER = 'MUSEUM_MANAGER',
  BRAND_PARTNER = 'BRAND_PARTNER',
  SHOPPER = 'SHOPPER',
}
registerEnumType(RoleGql, { name: 'Role' });

@ObjectType('UserAccount')
export class UserAccountType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => [ID], { description: 'Museums a manager manages.' }) museumIds!: string[];
  @Field(() => ID, { nullable: true }) brandId!: string | null;
  @Field(() => Boolean) disabled!: boolean;
  @Field(() => Date) createdAt!: Date;
}
export const UserAccountPage = Paginated(UserAccountType, 'UserAccountPage');

@ObjectType('AccountDeletionRequest', { description: 'Your request to delete your account, kept as the record that it was asked and done.' })
export class AccountDeletionRequestType {
  @Field(() => ID) id!: string;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'When every stored resident ID number of your orders was destroyed: within 15 days, or after customs released an order that still needed it. The account itself is anonymised at once.',
  })
  completedAt!: Date | null;
}

@ObjectType('AuthSession')
export class AuthSessionType {
  @Field(() => String) accessToken!: string;
  @Field(() => String, { description: 'Single use: each refresh returns a new one.' }) refreshToken!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => UserAccountType) user!: UserAccountType;
}

@ObjectType('Brand')
export class BrandType {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String) country!: string;
  @Field(() => Date) createdAt!: Date;
}
export const BrandPage = Paginated(BrandType, 'BrandPage');

@InputType()
export class LoginInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType()
export class RegisterShopperInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) displayName!: string;
}

@InputType()
export class CreateUserInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) displayName!: string;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => [ID], { nullable: true }) museumIds?: string[];
  @Field(() => ID, { nullable: true }) brandId?: string | null;
}

@InputType()
export class UpdateUserAccessInput {
  @Field(() => ID) userId!: string;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => [ID], { nullable: true }) museumIds?: string[];
  @Field(() => ID, { nullable: true }) brandId?: string | null;
  @Field(() => Boolean, { nullable: true }) disabled?: boolean;
}

@InputType()
export class CreateBrandInput {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'ISO 3166 alpha-2' }) country!: string;
}

import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType()
export class ReturnPhotoInput {
  @Field(() => String, { nullable: true, description: 'The file name the shopper chose (informative; the type is read from the bytes).' }) filename?: string | null;
  @Field(() => String, { description: 'The image, base64: JPEG, PNG or WebP, at most RETURN_PHOTO_MAX_BYTES.' }) contentBase64!: string;
}

@ObjectType('ReturnPhoto')
export class ReturnPhotoType {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Its place among the return’s photos, from 0.' }) position!: number;
  @Field(() => String, { description: 'image/jpeg, image/png or image/webp, as its bytes say.' }) contentType!: string;
  @Field(() => Int) byteSize!: number;
}

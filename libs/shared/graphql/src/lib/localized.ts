import { Field, ObjectType, InputType, registerEnumType } from '@nestjs/graphql';

export enum Locale {
  zh_CN = 'zh-CN',
  en = 'en',
  fr = 'fr',
}
registerEnumType(Locale, { name: 'Locale', description: 'zh_CN, en or fr; text falls back zh-CN, en, fr.' });

/** Text in the three locales the product carries. */
@ObjectType()
export class LocalizedText {
  @Field(() => String) fr!: string;
  @Field(() => String) en!: string;
  @Field(() => String) zhCN!: string;
}

@InputType()
export class LocalizedTextInput {
  @Field(() => String, { nullable: true }) fr?: string;
  @Field(() => String, { nullable: true }) en?: string;
  @Field(() => String, { nullable: true }) zhCN?: string;
}

/** The requested locale first, then zh-CN, en, fr: the first non-empty text. */
export function pickLocale(text: { fr: string; en: string; zh: string }, locale: Locale = Locale.zh_CN): string {
  const order: Record<Locale, (keyof typeof text)[]> = {
    [Locale.zh_CN]: ['zh', 'en', 'fr'],
    [Locale.en]: ['en', 'zh', 'fr'],
    [Locale.fr]: ['fr', 'zh', 'en'],
  };
  for (const key of order[locale]) if (text[key]) return text[key];
  return '';
}

import { describeCheckout } from '../support/checkout-suite';

jest.setTimeout(60_000);

describeCheckout('checkout for Chinese shoppers, end to end over GraphQL and the Stripe webhook');

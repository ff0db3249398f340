import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Enterprise, Transfer } from '../domain/ceb-messages';
import type { SigningKey } from '../domain/ceb-xml';
import { customsOfficeFromEnv, type CustomsOffice } from '../domain/customs-office';

/** How the platform talks to customs (all from the environment; codes are customs registrations). */
export interface DeclarationsConfig {
  /** Base URL of the customs data exchange (CUSTOMS_GATEWAY_URL). */
  gatewayUrl: string;
  /** A message without an answer after this is a timeout, and is sent again later (CUSTOMS_TIMEOUT_MS). */
  timeoutMs: number;
  /** The platform's signing key (CUSTOMS_SIGNING_KEY: PEM, or base64 of the PEM) and its certificate name (CUSTOMS_SIGNING_KEY_NAME). */
  signingKey: SigningKey;
  /** The platform (CUSTOMS_EBP_CODE / CUSTOMS_EBP_NAME). The selling e-commerce enterprise is each museum, from its storefront. */
  ebp: Enterprise;
  /** The payment company's customs registration, named in the order (CUSTOMS_PAY_CODE / CUSTOMS_PAY_NAME); it declares the payment record itself. */
  payment: Enterprise;
  /** The payment company's customs-declaration API (PAYMENT_DECLARATION_URL) and our partner id with it. */
  paymentDeclaration: { url: string; partner: string };
  /**
   * WeChat Pay's customs declaration, for orders paid with WeChat Pay (WECHAT_PAY_DECLARATION_URL,
   * WECHAT_PAY_APPID, WECHAT_PAY_MCH_ID, WECHAT_PAY_CUSTOMS_KEY: the merchant API key the
   * requests are signed with) and Tenpay's customs registration named in those orders
   * (WECHAT_PAY_CUSTOMS_PAY_CODE / _NAME).
   */
  wechatPay: { url: string; appid: string; mchId: string; key: string; enterprise: Enterprise };
  /**
   * The customs office every message goes to (CUSTOMS_OFFICE): the district and port of the
   * declaration lists and return declarations, Alipay's customs_place and WeChat Pay's customs.
   */
  office: CustomsOffice;
  /** The transmitting enterprise and its data-exchange channel (CUSTOMS_DXP_ID). */
  transfer: Transfer;
  /** Envelopes sent at once (CUSTOMS_SEND_CONCURRENCY). */
  sendConcurrency: number;
}

function privateKeyFrom(raw: string): KeyObject {
  const pem = raw.includes('-----BEGIN') ? raw : Buffer.from(raw, 'base64').toString('utf8');
  return createPrivateKey(pem);
}

/** The development sandbox's WeChat Pay merchant key (scripts/dev-gateways.ts signs with the same). */
export const DEV_WECHAT_PAY_CUSTOMS_KEY = 'vitrine-dev-wechat-pay-customs-key-0000';

function wechatKey(env: NodeJS.ProcessEnv): string {
  const key = env['WECHAT_PAY_CUSTOMS_KEY'];
  if (key) return key;
  if (env['NODE_ENV'] === 'production') throw new Error('WECHAT_PAY_CUSTOMS_KEY must be set in production');
  return DEV_WECHAT_PAY_CUSTOMS_KEY;
}

export function declarationsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DeclarationsConfig {
  let privateKey: KeyObject;
  if (env['CUSTOMS_SIGNING_KEY']) {
    privateKey = privateKeyFrom(env['CUSTOMS_SIGNING_KEY']);
  } else {
    if (env['NODE_ENV'] === 'production') throw new Error('CUSTOMS_SIGNING_KEY must be set in production');
    // Development only: a throwaway key, so the pipeline runs against a local customs loopback.
    new Logger('Customs').warn('CUSTOMS_SIGNING_KEY is not set: signing customs messages with a throwaway development key');
    privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }
  const ebp = { code: env['CUSTOMS_EBP_CODE'] ?? '1105910159', name: env['CUSTOMS_EBP_NAME'] ?? 'Vitrine Cross-border E-commerce' };
  return {
    gatewayUrl: (env['CUSTOMS_GATEWAY_URL'] ?? 'http://127.0.0.1:4010').replace(/\/$/, ''),
    timeoutMs: Number(env['CUSTOMS_TIMEOUT_MS'] ?? 10_000),
    signingKey: { privateKey, keyName: env['CUSTOMS_SIGNING_KEY_NAME'] ?? 'vitrine-dev' },
    ebp,
    payment: { code: env['CUSTOMS_PAY_CODE'] ?? '31222699S7', name: env['CUSTOMS_PAY_NAME'] ?? '支付宝(中国)网络技术有限公司' },
    paymentDeclaration: {
      url: (env['PAYMENT_DECLARATION_URL'] ?? 'http://127.0.0.1:4030').replace(/\/$/, ''),
      partner: env['PAYMENT_DECLARATION_PARTNER'] ?? '2088000000000000',
    },
    wechatPay: {
      url: (env['WECHAT_PAY_DECLARATION_URL'] ?? 'http://127.0.0.1:4030').replace(/\/$/, ''),
      appid: env['WECHAT_PAY_APPID'] ?? 'wx0000000000000000',
      mchId: env['WECHAT_PAY_MCH_ID'] ?? '1900000000',
      key: wechatKey(env),
      enterprise: { code: env['WECHAT_PAY_CUSTOMS_PAY_CODE'] ?? '4403169D3W', name: env['WECHAT_PAY_CUSTOMS_PAY_NAME'] ?? '财付通支付科技有限公司' },
    },
    office: customsOfficeFromEnv(env),
    transfer: { copCode: ebp.code, copName: ebp.name, dxpId: env['CUSTOMS_DXP_ID'] ?? 'DXPENT0000000001' },
    sendConcurrency: Number(env['CUSTOMS_SEND_CONCURRENCY'] ?? 6),
  };
}

export const DECLARATIONS_CONFIG = Symbol('DECLARATIONS_CONFIG');

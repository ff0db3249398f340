import { Module } from '@nestjs/common';
import { ShopWindowAnnouncer } from '@vitrine/shared/data-access';
import { AgreementsService } from './application/agreements.service';
import { BrowseLicensableWorksService } from './application/browse-licensable-works.service';
import { Clock } from './application/clock';
import { DraftProposalService } from './application/draft-proposal.service';
import { LicensedProductsService } from './application/licensed-products.service';
import { LICENSING_SETTINGS, licensingSettingsFromEnv } from './application/licensing-settings';
import { NotificationsService } from './application/notifications.service';
import { ProposalEffects } from './application/proposal-effects';
import { ProposalQueriesService } from './application/proposal-queries.service';
import { ReviewProposalService } from './application/review-proposal.service';
import { ReviewRemindersService } from './application/review-reminders.service';
import { RoyaltyAccrualService } from './application/royalty-accrual.service';
import { RoyaltyStatementsService } from './application/royalty-statements.service';
import { StatementExportService } from './application/statement-export.service';
import { StorefrontEditsService } from './application/storefront-edits.service';
import { SubmitProposalService } from './application/submit-proposal.service';
import { TermExpiryService } from './application/term-expiry.service';
import { AgreementRepository } from './infrastructure/agreement.repository';
import { DirectoryRepository } from './infrastructure/directory.repository';
import { LedgerRepository } from './infrastructure/ledger.repository';
import { LicensedProductRepository } from './infrastructure/licensed-product.repository';
import { NotificationRepository } from './infrastructure/notification.repository';
import { OrderLineReadRepository } from './infrastructure/order-line.read-repository';
import { ProposalRepository } from './infrastructure/proposal.repository';
import { StatementRepository } from './infrastructure/statement.repository';

const services = [
  AgreementsService,
  BrowseLicensableWorksService,
  DraftProposalService,
  LicensedProductsService,
  NotificationsService,
  ProposalQueriesService,
  ReviewProposalService,
  ReviewRemindersService,
  RoyaltyAccrualService,
  RoyaltyStatementsService,
  StatementExportService,
  StorefrontEditsService,
  SubmitProposalService,
  TermExpiryService,
];

/** Licensing's services and repositories, shared by the API module and the worker's jobs module. */
@Module({
  providers: [
    { provide: LICENSING_SETTINGS, useFactory: () => licensingSettingsFromEnv() },
    Clock,
    // Term expiry takes products off sale outside the API: the API processes hear it at once (ADR 0010).
    ShopWindowAnnouncer,
    ProposalEffects,
    AgreementRepository,
    DirectoryRepository,
    LedgerRepository,
    LicensedProductRepository,
    NotificationRepository,
    OrderLineReadRepository,
    ProposalRepository,
    StatementRepository,
    ...services,
  ],
  exports: [Clock, ...services],
})
export class LicensingCoreModule {}

-- CreateEnum
CREATE TYPE "AppointmentKind" AS ENUM ('procedure', 'usages');

-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('held', 'booked', 'cancelled', 'attended', 'no_show');

-- CreateEnum
CREATE TYPE "BookingChannel" AS ENUM ('transfer', 'staff', 'resident', 'waitlist');

-- CreateEnum
CREATE TYPE "TerritoryListKind" AS ENUM ('usage_skill', 'request_category');

-- CreateEnum
CREATE TYPE "WaitlistStatus" AS ENUM ('waiting', 'offered', 'booked', 'withdrawn');

-- CreateEnum
CREATE TYPE "SheetLineResult" AS ENUM ('solved', 'to_continue', 'appointment_given', 'redirected');

-- CreateEnum
CREATE TYPE "WorkshopEquipment" AS ENUM ('provided', 'bring_own', 'either');

-- CreateEnum
CREATE TYPE "WorkshopSessionStatus" AS ENUM ('scheduled', 'cancelled');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('requested', 'confirmed', 'waitlisted', 'cancelled', 'declined');

-- AlterTable
ALTER TABLE "Structure" ADD COLUMN     "appointmentHalfDaysPerWeek" INTEGER DEFAULT 2,
ADD COLUMN     "residentsBookOnline" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "agendaFeedToken" TEXT;

-- CreateTable
CREATE TABLE "AvailabilityPattern" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "mediatorId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "placeId" UUID,
    "kind" "AppointmentKind" NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "slotMinutes" INTEGER NOT NULL,
    "validFrom" DATE,
    "validUntil" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AvailabilityPattern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaAbsence" (
    "id" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "mediatorId" UUID NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaAbsence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "offerId" UUID,
    "placeId" UUID,
    "mediatorId" UUID,
    "kind" "AppointmentKind" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'booked',
    "slotKey" TEXT,
    "channel" "BookingChannel" NOT NULL,
    "transferId" UUID,
    "seriesId" UUID,
    "personLabel" TEXT,
    "personalDetailsEncrypted" TEXT,
    "consentGivenAt" TIMESTAMP(3),
    "consentScope" TEXT[],
    "requestNote" TEXT,
    "bookedById" UUID,
    "idempotencyKey" TEXT,
    "publicTokenHash" TEXT,
    "holdExpiresAt" TIMESTAMP(3),
    "rescheduledFromId" UUID,
    "cancelReason" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelledBy" TEXT,
    "attendanceRecordedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "mediatorReminderSentAt" TIMESTAMP(3),
    "personalDataErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TerritoryListItem" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "kind" "TerritoryListKind" NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TerritoryListItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageSeries" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "offerId" UUID,
    "transferId" UUID,
    "createdById" UUID,
    "personLabel" TEXT,
    "plannedSessions" INTEGER NOT NULL,
    "closedAt" TIMESTAMP(3),
    "personalDataErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageSeriesSkill" (
    "seriesId" UUID NOT NULL,
    "skillId" UUID NOT NULL,

    CONSTRAINT "UsageSeriesSkill_pkey" PRIMARY KEY ("seriesId","skillId")
);

-- CreateTable
CREATE TABLE "AppointmentSkill" (
    "appointmentId" UUID NOT NULL,
    "skillId" UUID NOT NULL,

    CONSTRAINT "AppointmentSkill_pkey" PRIMARY KEY ("appointmentId","skillId")
);

-- CreateTable
CREATE TABLE "OfferWaitlistEntry" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "status" "WaitlistStatus" NOT NULL DEFAULT 'waiting',
    "personLabel" TEXT,
    "personalDetailsEncrypted" TEXT,
    "consentGivenAt" TIMESTAMP(3),
    "consentScope" TEXT[],
    "offeredAppointmentId" UUID,
    "publicTokenHash" TEXT,
    "idempotencyKey" TEXT,
    "personalDataErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferWaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermanenceSheet" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "placeId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermanenceSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermanenceSheetLine" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "personLabel" TEXT,
    "timeMinute" INTEGER,
    "request" TEXT,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,
    "categoryId" UUID,
    "result" "SheetLineResult",
    "resultNote" TEXT,
    "transferId" UUID,
    "createdById" UUID,
    "personalDataErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermanenceSheetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopSession" (
    "id" UUID NOT NULL,
    "territoryId" UUID NOT NULL,
    "structureId" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "placeId" UUID,
    "theme" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 8,
    "equipment" "WorkshopEquipment" NOT NULL DEFAULT 'provided',
    "residentsMayAsk" BOOLEAN NOT NULL DEFAULT true,
    "status" "WorkshopSessionStatus" NOT NULL DEFAULT 'scheduled',
    "cancelReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopRegistration" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "status" "RegistrationStatus" NOT NULL,
    "channel" "BookingChannel" NOT NULL,
    "personLabel" TEXT,
    "personalDetailsEncrypted" TEXT,
    "consentGivenAt" TIMESTAMP(3),
    "consentScope" TEXT[],
    "attended" BOOLEAN,
    "publicTokenHash" TEXT,
    "idempotencyKey" TEXT,
    "waitlistedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "personalDataErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkshopRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxSms" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxSms_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AvailabilityPattern_offerId_idx" ON "AvailabilityPattern"("offerId");

-- CreateIndex
CREATE INDEX "AvailabilityPattern_mediatorId_idx" ON "AvailabilityPattern"("mediatorId");

-- CreateIndex
CREATE INDEX "AvailabilityPattern_structureId_idx" ON "AvailabilityPattern"("structureId");

-- CreateIndex
CREATE INDEX "AgendaAbsence_mediatorId_startsOn_idx" ON "AgendaAbsence"("mediatorId", "startsOn");

-- CreateIndex
CREATE INDEX "AgendaAbsence_structureId_idx" ON "AgendaAbsence"("structureId");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_slotKey_key" ON "Appointment"("slotKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_idempotencyKey_key" ON "Appointment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_publicTokenHash_key" ON "Appointment"("publicTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_rescheduledFromId_key" ON "Appointment"("rescheduledFromId");

-- CreateIndex
CREATE INDEX "Appointment_offerId_startsAt_idx" ON "Appointment"("offerId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_mediatorId_startsAt_idx" ON "Appointment"("mediatorId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_structureId_startsAt_idx" ON "Appointment"("structureId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_transferId_idx" ON "Appointment"("transferId");

-- CreateIndex
CREATE INDEX "Appointment_seriesId_idx" ON "Appointment"("seriesId");

-- CreateIndex
CREATE INDEX "Appointment_status_startsAt_idx" ON "Appointment"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_personalDataErasedAt_startsAt_idx" ON "Appointment"("personalDataErasedAt", "startsAt");

-- CreateIndex
CREATE INDEX "TerritoryListItem_territoryId_kind_position_idx" ON "TerritoryListItem"("territoryId", "kind", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TerritoryListItem_territoryId_kind_label_key" ON "TerritoryListItem"("territoryId", "kind", "label");

-- CreateIndex
CREATE INDEX "UsageSeries_structureId_idx" ON "UsageSeries"("structureId");

-- CreateIndex
CREATE INDEX "UsageSeries_transferId_idx" ON "UsageSeries"("transferId");

-- CreateIndex
CREATE INDEX "UsageSeries_personalDataErasedAt_createdAt_idx" ON "UsageSeries"("personalDataErasedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfferWaitlistEntry_offeredAppointmentId_key" ON "OfferWaitlistEntry"("offeredAppointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferWaitlistEntry_publicTokenHash_key" ON "OfferWaitlistEntry"("publicTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "OfferWaitlistEntry_idempotencyKey_key" ON "OfferWaitlistEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OfferWaitlistEntry_offerId_status_createdAt_idx" ON "OfferWaitlistEntry"("offerId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "OfferWaitlistEntry_personalDataErasedAt_createdAt_idx" ON "OfferWaitlistEntry"("personalDataErasedAt", "createdAt");

-- CreateIndex
CREATE INDEX "PermanenceSheet_territoryId_date_idx" ON "PermanenceSheet"("territoryId", "date");

-- CreateIndex
CREATE INDEX "PermanenceSheet_placeId_date_idx" ON "PermanenceSheet"("placeId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "PermanenceSheet_offerId_placeId_date_startMinute_key" ON "PermanenceSheet"("offerId", "placeId", "date", "startMinute");

-- CreateIndex
CREATE UNIQUE INDEX "PermanenceSheetLine_transferId_key" ON "PermanenceSheetLine"("transferId");

-- CreateIndex
CREATE INDEX "PermanenceSheetLine_sheetId_timeMinute_idx" ON "PermanenceSheetLine"("sheetId", "timeMinute");

-- CreateIndex
CREATE INDEX "PermanenceSheetLine_personalDataErasedAt_createdAt_idx" ON "PermanenceSheetLine"("personalDataErasedAt", "createdAt");

-- CreateIndex
CREATE INDEX "WorkshopSession_offerId_startsAt_idx" ON "WorkshopSession"("offerId", "startsAt");

-- CreateIndex
CREATE INDEX "WorkshopSession_territoryId_startsAt_idx" ON "WorkshopSession"("territoryId", "startsAt");

-- CreateIndex
CREATE INDEX "WorkshopSession_structureId_startsAt_idx" ON "WorkshopSession"("structureId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopRegistration_publicTokenHash_key" ON "WorkshopRegistration"("publicTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopRegistration_idempotencyKey_key" ON "WorkshopRegistration"("idempotencyKey");

-- CreateIndex
CREATE INDEX "WorkshopRegistration_sessionId_status_createdAt_idx" ON "WorkshopRegistration"("sessionId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "WorkshopRegistration_personalDataErasedAt_createdAt_idx" ON "WorkshopRegistration"("personalDataErasedAt", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxSms_status_nextAttemptAt_idx" ON "OutboxSms"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "User_agendaFeedToken_key" ON "User"("agendaFeedToken");

-- AddForeignKey
ALTER TABLE "AvailabilityPattern" ADD CONSTRAINT "AvailabilityPattern_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityPattern" ADD CONSTRAINT "AvailabilityPattern_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityPattern" ADD CONSTRAINT "AvailabilityPattern_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityPattern" ADD CONSTRAINT "AvailabilityPattern_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaAbsence" ADD CONSTRAINT "AgendaAbsence_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaAbsence" ADD CONSTRAINT "AgendaAbsence_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "UsageSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_rescheduledFromId_fkey" FOREIGN KEY ("rescheduledFromId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TerritoryListItem" ADD CONSTRAINT "TerritoryListItem_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeries" ADD CONSTRAINT "UsageSeries_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeries" ADD CONSTRAINT "UsageSeries_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeries" ADD CONSTRAINT "UsageSeries_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeries" ADD CONSTRAINT "UsageSeries_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeries" ADD CONSTRAINT "UsageSeries_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeriesSkill" ADD CONSTRAINT "UsageSeriesSkill_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "UsageSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageSeriesSkill" ADD CONSTRAINT "UsageSeriesSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "TerritoryListItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSkill" ADD CONSTRAINT "AppointmentSkill_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSkill" ADD CONSTRAINT "AppointmentSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "TerritoryListItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferWaitlistEntry" ADD CONSTRAINT "OfferWaitlistEntry_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferWaitlistEntry" ADD CONSTRAINT "OfferWaitlistEntry_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferWaitlistEntry" ADD CONSTRAINT "OfferWaitlistEntry_offeredAppointmentId_fkey" FOREIGN KEY ("offeredAppointmentId") REFERENCES "Appointment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheet" ADD CONSTRAINT "PermanenceSheet_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheet" ADD CONSTRAINT "PermanenceSheet_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheet" ADD CONSTRAINT "PermanenceSheet_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheetLine" ADD CONSTRAINT "PermanenceSheetLine_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "PermanenceSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheetLine" ADD CONSTRAINT "PermanenceSheetLine_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TerritoryListItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheetLine" ADD CONSTRAINT "PermanenceSheetLine_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermanenceSheetLine" ADD CONSTRAINT "PermanenceSheetLine_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopSession" ADD CONSTRAINT "WorkshopSession_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopRegistration" ADD CONSTRAINT "WorkshopRegistration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WorkshopSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

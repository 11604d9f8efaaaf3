import { Module } from '@nestjs/common';
import { ArchiveController } from './archive.controller.js';
import { ArchiveService } from './archive.service.js';

/** Noark 5 extractions and the deletion report (DESIGN 12.5). */
@Module({ controllers: [ArchiveController], providers: [ArchiveService] })
export class ArchiveModule {}

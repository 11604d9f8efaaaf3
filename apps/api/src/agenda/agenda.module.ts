import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

/** The caller's agenda: what falls due across their cases. */
@Module({ imports: [CaseCoreModule], controllers: [AgendaController], providers: [AgendaService] })
export class AgendaModule {}

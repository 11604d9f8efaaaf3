import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

/** The caller's agenda: what falls due across their cases. */
@Module({ imports: [CasesModule], controllers: [AgendaController], providers: [AgendaService] })
export class AgendaModule {}

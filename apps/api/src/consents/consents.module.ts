import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ConsentsController } from './consents.controller.js';
import { ConsentsService } from './consents.service.js';

@Module({ imports: [CasesModule], controllers: [ConsentsController], providers: [ConsentsService] })
export class ConsentsModule {}

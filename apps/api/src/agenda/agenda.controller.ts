import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { AgendaQuery, AgendaResponse } from './agenda.dto.js';
import { AgendaService } from './agenda.service.js';

@ApiTags('agenda')
@ApiBearerAuth()
@Controller('me/agenda')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get()
  @ApiOperation({ summary: 'What is due or overdue for the caller within `days` («Denne uka»), earliest first' })
  @ApiOkResponse({ type: AgendaResponse })
  get(@CurrentPrincipal() principal: Principal, @Query() query: AgendaQuery): Promise<AgendaResponse> {
    return this.agenda.agenda(principal, query.days);
  }
}
